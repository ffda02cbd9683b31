using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LvaeLive.Model.Checkpoints;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Interop;

/// <summary>
/// Safetensors weights that do not fit the model that checkpoint.json describes are refused, by LvaeLive and by the
/// PyTorch package alike, in one line that names the tensor and both shapes, before any tensor data is read.
/// </summary>
public sealed class SafetensorsInputTests : IDisposable
{
    private static readonly LvaeConfig Shape = new() { LatentSizes = [6, 4, 2], HiddenSizes = [32, 16, 8] };
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-safetensors-").FullName;
    private readonly string _good;

    public SafetensorsInputTests()
    {
        using var model = PyTorchInteropTests.ModelWithLearnedStatistics(Shape);
        _good = Path.Combine(_folder, "good");
        CheckpointStore.WriteExport(model, new CheckpointInfo
        {
            Model = Shape,
            Training = new Training.TrainOptions(),
            Progress = new Training.TrainingProgress { LearningRate = 1e-3 },
            WeightsFile = "",
            WeightsSha256 = "",
        }, _good, WeightsFormat.Safetensors);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string[]> Cases => new()
    {
        { "missing", ["it lacks generative.observationMean.bias F32 [784]"] },
        { "extra", ["it has extra.weight [2]"] },
        { "shape", ["bottomUp.1.first.dense.weight is F32 [32, 16] there but F32 [16, 32]"] },
        { "dtype", ["bottomUp.1.first.dense.bias is I32 [16] there but F32 [16]"] },
        { "offsets", ["starts at byte", "overlap or leave a gap"] },
        { "shape-block", ["bottomUpHeads.2.mean.weight is F32 [2, 8] there but F32 [3, 8] in the model of checkpoint.json"] },
        { "larger", ["implies"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadWeightsAreRefusedInOneLineNamingTheTensorOnBothSides(string damage, string[] expected)
    {
        var bad = Damaged(damage);

        var refused = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(bad, CPU));
        Assert.DoesNotContain('\n', refused.Message);
        foreach (var part in expected) Assert.Contains(part, refused.Message);

        var copy = Path.Combine(_folder, "copy");
        var python = PyTorchPackage.Run(TestSetup.RepositoryFolder, "checkpoint", bad, copy);
        Assert.Equal(2, python.ExitCode);
        var line = Assert.Single(python.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in expected) Assert.Contains(part.Replace("checkpoint.json", ""), line);
        Assert.False(Directory.Exists(copy), "the PyTorch package wrote a folder for weights it refused");
    }

    [Fact]
    public void TheUndamagedFileLoadsOnBothSides()
    {
        using var _ = CheckpointStore.LoadModel(_good, CPU);
        PyTorchPackage.Run(TestSetup.RepositoryFolder, "checkpoint", _good, Path.Combine(_folder, "copy")).Succeeded();
    }

    /// <summary>A copy of the good export with one kind of damage, its SHA-256 left as recorded (the checks come first).</summary>
    private string Damaged(string damage)
    {
        var folder = Path.Combine(_folder, damage);
        Directory.CreateDirectory(folder);
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(_good, CheckpointStore.IndexFile)))!;
        var bytes = File.ReadAllBytes(Path.Combine(_good, CheckpointStore.SafetensorsWeightsFile));
        var headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength))!.AsObject();
        var data = bytes[(8 + headerLength)..];
        switch (damage)
        {
            case "missing":
                (header, data) = Without(header, data, "generative.observationMean.bias");
                break;
            case "extra":
                header["extra.weight"] = new JsonObject { ["dtype"] = "F32", ["shape"] = new JsonArray(2), ["data_offsets"] = new JsonArray(data.Length, data.Length + 8) };
                data = [.. data, .. new byte[8]];
                break;
            case "shape":
                header["bottomUp.1.first.dense.weight"]!["shape"] = new JsonArray(32, 16);
                break;
            case "dtype":
                header["bottomUp.1.first.dense.bias"]!["dtype"] = "I32";
                break;
            case "offsets":
                var offsets = header["generative.observationMean.weight"]!["data_offsets"]!.AsArray();
                header["generative.observationMean.weight"]!["data_offsets"] = new JsonArray(offsets[0]!.GetValue<long>() + 4, offsets[1]!.GetValue<long>() + 4);
                break;
            case "shape-block":
                index["model"]!["latentSizes"] = new JsonArray(6, 4, 3);
                break;
        }
        var text = Encoding.UTF8.GetBytes(header.ToJsonString());
        var path = Path.Combine(folder, CheckpointStore.SafetensorsWeightsFile);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)text.Length), .. text, .. data]);
        // Far larger than the model: a sparse tail of 8 GiB, which a reader that loads the file first could not hold.
        if (damage == "larger")
        {
            using var file = new FileStream(path, FileMode.Open);
            file.SetLength(file.Length + (8L << 30));
        }
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile), index.ToJsonString());
        return folder;
    }

    /// <summary>The header and data without one tensor, the others' offsets moved down over its bytes.</summary>
    private static (JsonObject Header, byte[] Data) Without(JsonObject header, byte[] data, string name)
    {
        var offsets = header[name]!["data_offsets"]!.AsArray();
        var (start, end) = (offsets[0]!.GetValue<long>(), offsets[1]!.GetValue<long>());
        header.Remove(name);
        foreach (var (_, entry) in header)
        {
            var range = entry!["data_offsets"]!.AsArray();
            var (s, e) = (range[0]!.GetValue<long>(), range[1]!.GetValue<long>());
            if (s >= end) entry["data_offsets"] = new JsonArray(s - (end - start), e - (end - start));
        }
        return (header, [.. data[..(int)start], .. data[(int)end..]]);
    }
}
