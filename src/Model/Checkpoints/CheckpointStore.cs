using System.Text.Json;
using LvaeLive.Files;
using LvaeLive.Model.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// Saves and loads checkpoints in a run folder: a weights file (model state dict, optimizer state, generator states)
/// and checkpoint.json naming it. Each file is written atomically (<see cref="AtomicFile"/>), and the JSON goes last,
/// so a crash at any point leaves the previous checkpoint whole.
/// </summary>
public static class CheckpointStore
{
    public const string IndexFile = "checkpoint.json";
    private const string Magic = "LVAELIVE-CKPT";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static CheckpointInfo Save(string runFolder, Trainer trainer)
    {
        Directory.CreateDirectory(runFolder);
        var progress = trainer.Progress;
        var weightsFile = $"checkpoint-e{progress.Epoch:D4}-s{progress.GlobalStep:D9}.bin";
        AtomicFile.Write(Path.Combine(runFolder, weightsFile), stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            StateDictFile.Write(writer, trainer.Model);
            trainer.WriteState(writer);
        });
        var info = new CheckpointInfo
        {
            Model = trainer.Model.Config,
            Training = trainer.Options,
            Progress = progress,
            WeightsFile = weightsFile,
            WeightsSha256 = Sha256(Path.Combine(runFolder, weightsFile)),
            SavedAt = DateTimeOffset.UtcNow,
        };
        AtomicFile.Write(Path.Combine(runFolder, IndexFile), stream => JsonSerializer.Serialize(stream, info, Json));
        foreach (var stale in Directory.EnumerateFiles(runFolder, "checkpoint-*.bin").Where(f => Path.GetFileName(f) != weightsFile))
            File.Delete(stale);
        return info;
    }

    /// <summary>Reads checkpoint.json from a run folder, or from the path of the JSON itself.</summary>
    public static (CheckpointInfo Info, string RunFolder) ReadInfo(string path)
    {
        var index = Directory.Exists(path) ? Path.Combine(path, IndexFile) : path;
        if (!File.Exists(index))
            throw new FileNotFoundException($"no checkpoint at {path}: expected a run folder holding {IndexFile} (as `lvae train` writes it) or the path of that file");
        CheckpointInfo? info;
        try
        {
            using var stream = File.OpenRead(index);
            info = JsonSerializer.Deserialize<CheckpointInfo>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{index} is not a valid checkpoint index ({e.Message})", e);
        }
        if (info is null || info.Format != CheckpointInfo.CurrentFormat)
            throw new InvalidDataException($"{index} has checkpoint format {info?.Format}; this build reads format {CheckpointInfo.CurrentFormat}");
        info.Model.Validated();
        return (info, Path.GetDirectoryName(Path.GetFullPath(index))!);
    }

    /// <summary>Builds the model the checkpoint describes and loads its weights, for evaluation or viewing.</summary>
    public static HierarchicalModel LoadModel(string path, Device device)
    {
        var (info, runFolder) = ReadInfo(path);
        var model = ModelFactory.Create(info.Model);
        model.MoveTo(device);
        ReadWeights(runFolder, info, model, trainer: null);
        return model;
    }

    /// <summary>Restores a trainer (whose model must have the checkpoint's shape) to exactly the saved point.</summary>
    public static void Restore(string runFolder, CheckpointInfo info, Trainer trainer)
    {
        if (!info.Model.Equals(trainer.Model.Config))
            throw new InvalidDataException($"the checkpoint in {runFolder} is a {info.Model.Describe()} model but a {trainer.Model.Config.Describe()} model was asked for; drop the shape options or use another --run-dir");
        ReadWeights(runFolder, info, trainer.Model, trainer);
    }

    private static void ReadWeights(string runFolder, CheckpointInfo info, HierarchicalModel model, Trainer? trainer)
    {
        var path = Path.Combine(runFolder, info.WeightsFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{IndexFile} in {runFolder} names {info.WeightsFile}, which is missing");
        if (!string.Equals(Sha256(path), info.WeightsSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{path} is truncated or corrupted: its SHA-256 differs from the one in {IndexFile}");
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Magic)
                throw new InvalidDataException($"{path} is not an LvaeLive checkpoint");
            StateDictFile.Read(reader, model, path);
            trainer?.ReadState(reader, info.Progress);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is truncated", e);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
