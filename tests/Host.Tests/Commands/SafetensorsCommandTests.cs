using System.Text.Json.Nodes;
using LvaeLive.Host.Tests.Live;
using LvaeLive.Host.Tests.Recording;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>
/// `lvae export --format safetensors` and the commands that open its folder: weights whose checkpoint.json shape
/// block disagrees with them are one line naming the tensor and both shapes, exit 2, and nothing written.
/// </summary>
public sealed class SafetensorsCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public SafetensorsCommandTests() => TinyRun.Checkpoint(_folder["run"], steps: 2);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AShapeBlockThatDisagreesWithTheWeightsIsOneLineExit2AndNothingWritten()
    {
        LvaeProcess.Run("export", "--checkpoint", _folder["run"], "--out", _folder["exported"], "--format", "safetensors").Succeeded();
        Assert.True(File.Exists(Path.Combine(_folder["exported"], "weights.safetensors")));
        LvaeProcess.Run("record", "--checkpoint", _folder["exported"], "--seconds", "0.25", "--fps", "4", "--size", "640x360",
            "--out", _folder["good.gif"], "--threads", "1").Succeeded();

        // The top layer said to be 3 wide where the weights make it 2 (TinyRun's layers are 8, 4, 2 over widths 64, 32, 16).
        var index = Path.Combine(_folder["exported"], "checkpoint.json");
        var json = JsonNode.Parse(File.ReadAllText(index))!;
        json["model"]!["latentSizes"] = new JsonArray(8, 4, 3);
        File.WriteAllText(index, json.ToJsonString());
        const string expected = "bottomUpHeads.2.mean.weight is F32 [2, 16] there but F32 [3, 16] in the model of checkpoint.json";

        LvaeProcess.AssertOneLineError(LvaeProcess.Run("eval", "--checkpoint", _folder["exported"], "--out", _folder["report"], "--iw-samples", "2"), expected);
        Assert.False(Directory.Exists(_folder["report"]));
        LvaeProcess.AssertOneLineError(LvaeProcess.Run("export", "--checkpoint", _folder["exported"], "--out", _folder["again"], "--format", "safetensors"), expected);
        Assert.False(Directory.Exists(_folder["again"]));
        LvaeProcess.AssertOneLineError(LvaeProcess.Run("record", "--checkpoint", _folder["exported"], "--seconds", "0.25", "--fps", "4",
            "--size", "640x360", "--out", _folder["bad.gif"], "--threads", "1"), expected);
        Assert.False(File.Exists(_folder["bad.gif"]));
    }
}
