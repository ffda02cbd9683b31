using System.Text.Json;
using LvaeLive.Files;
using LvaeLive.Files.Time;
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
    // What BinaryWriter.Write(Magic) puts first: a one-byte length, then the characters. Read as raw bytes, so that a
    // file of random bytes cannot make BinaryReader.ReadString expect a string of gigabytes.
    private static readonly byte[] Header = [(byte)Magic.Length, .. System.Text.Encoding.ASCII.GetBytes(Magic)];

    // Checkpoints and reports share these. A non-finite figure (a diverged test ELBO, an estimate that underflowed) is
    // written as "NaN" or "-Infinity" rather than failing the file that records it.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The weights file of an exported model (<see cref="Export"/>).</summary>
    public const string ExportedWeightsFile = "weights.bin";

    /// <summary>The weights file of a model exported as safetensors, which python/ also writes: the exchange with PyTorch.</summary>
    public const string SafetensorsWeightsFile = "weights" + SafetensorsFile.Extension;

    public static CheckpointInfo Save(string runFolder, Trainer trainer)
    {
        var progress = trainer.Progress;
        var weightsFile = $"checkpoint-e{progress.Epoch:D4}-s{progress.GlobalStep:D9}.bin";
        var info = Write(runFolder, weightsFile, stream => WriteNative(stream, trainer.Model, trainer.WriteState), new CheckpointInfo
        {
            Model = trainer.Model.Config,
            Training = trainer.Options,
            Progress = progress,
            WeightsFile = weightsFile,
            WeightsSha256 = "",
        });
        foreach (var stale in Directory.EnumerateFiles(runFolder, "checkpoint-*.bin").Where(f => Path.GetFileName(f) != weightsFile))
            File.Delete(stale);
        return info;
    }

    /// <summary>
    /// Writes the model of the checkpoint at <paramref name="checkpoint"/> into <paramref name="outFolder"/> without its
    /// optimizer and generator states (a third of the size): <see cref="ExportedWeightsFile"/> and a checkpoint.json
    /// marked <see cref="CheckpointInfo.WeightsOnly"/>, with the run's training curves (<see cref="MetricsLog"/>) so that
    /// the view still draws them. An existing model there is not overwritten. As <see cref="WeightsFormat.Safetensors"/>,
    /// the weights are the state dict that python/ loads into the PyTorch model of the same shape.
    /// </summary>
    public static CheckpointInfo Export(string checkpoint, string outFolder, WeightsFormat format = WeightsFormat.Lvae)
    {
        if (File.Exists(Path.Combine(outFolder, IndexFile)))
            throw new IOException($"{outFolder} already holds a model ({IndexFile}); choose another --out, or delete that folder first");
        var (info, runFolder) = ReadInfo(checkpoint);
        using var model = LoadModel(checkpoint, CPU);
        var history = Path.Combine(runFolder, MetricsLog.FileName);
        if (File.Exists(history))
        {
            Directory.CreateDirectory(outFolder);
            AtomicFile.Write(Path.Combine(outFolder, MetricsLog.FileName), stream =>
            {
                using var source = File.OpenRead(history);
                source.CopyTo(stream);
            });
        }
        return WriteExport(model, info, outFolder, format);
    }

    /// <summary>Writes <paramref name="model"/> as an export described by <paramref name="info"/> (the rest of <see cref="Export"/>).</summary>
    internal static CheckpointInfo WriteExport(HierarchicalModel model, CheckpointInfo info, string outFolder, WeightsFormat format)
    {
        var (weightsFile, writeWeights) = format == WeightsFormat.Safetensors
            ? (SafetensorsWeightsFile, (Action<Stream>)(stream => SafetensorsFile.Write(stream, model)))
            : (ExportedWeightsFile, stream => WriteNative(stream, model, writeState: null));
        return Write(outFolder, weightsFile, writeWeights, info with { WeightsFile = weightsFile, WeightsSha256 = "", WeightsOnly = true });
    }

    /// <summary>LvaeLive's own weights file: the header, the model, then what <paramref name="writeState"/> adds.</summary>
    private static void WriteNative(Stream stream, HierarchicalModel model, Action<BinaryWriter>? writeState)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        StateDictFile.Write(writer, model);
        writeState?.Invoke(writer);
    }

    /// <summary>The weights file, then the index naming it with its SHA-256: each atomically, the index last.</summary>
    private static CheckpointInfo Write(string folder, string weightsFile, Action<Stream> writeWeights, CheckpointInfo index)
    {
        Directory.CreateDirectory(folder);
        var weightsPath = Path.Combine(folder, weightsFile);
        AtomicFile.Write(weightsPath, writeWeights);
        var info = index with { WeightsSha256 = Sha256(weightsPath), SavedAt = WallClock.UtcNow };
        AtomicFile.Write(Path.Combine(folder, IndexFile), stream => JsonSerializer.Serialize(stream, info, Json));
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
        if (info is null)
            throw new InvalidDataException($"{index} is not a valid checkpoint index (it holds null)");
        try
        {
            info = info.Validated().Upgraded();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{index}: {e.Message}", e);
        }
        return (info, Path.GetDirectoryName(Path.GetFullPath(index))!);
    }

    /// <summary>Builds the model the checkpoint describes and loads its weights, for evaluation or viewing.</summary>
    public static HierarchicalModel LoadModel(string path, Device device)
    {
        var (info, runFolder) = ReadInfo(path);
        var model = ModelFactory.ForLoading(info.Model);
        model.MoveTo(device);
        ReadWeights(runFolder, info, model, trainer: null);
        return model;
    }

    /// <summary>Restores a trainer (whose model must have the checkpoint's shape) to exactly the saved point.</summary>
    public static void Restore(string runFolder, CheckpointInfo info, Trainer trainer)
    {
        if (info.WeightsOnly)
            throw new InvalidDataException($"{runFolder} holds an exported model, its weights without the optimizer state that resuming needs; " +
                "show it with --no-train, or train on from it in a new run (lvae live --pretrained --train, for the shipped model)");
        if (!info.Model.Equals(trainer.Model.Config))
            throw new InvalidDataException($"the checkpoint in {runFolder} is a {info.Model.Describe()} model but a {trainer.Model.Config.Describe()} model was asked for; drop the shape options or use another --run-dir");
        // Only here is the run's epoch length known: its training options and the data decide it.
        if (info.Progress.StepInEpoch >= trainer.StepsPerEpoch)
            throw new InvalidDataException($"{Path.Combine(runFolder, IndexFile)}: {SettingNames.Json("progress.")[nameof(TrainingProgress.StepInEpoch)]} is {info.Progress.StepInEpoch}; " +
                $"it must be below {trainer.StepsPerEpoch}, the steps in one epoch of this run");
        ReadWeights(runFolder, info, trainer.Model, trainer);
    }

    private static void ReadWeights(string runFolder, CheckpointInfo info, HierarchicalModel model, Trainer? trainer)
    {
        var path = Path.Combine(runFolder, info.WeightsFile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{IndexFile} in {runFolder} names {info.WeightsFile}, which is missing");
        var safetensors = Path.GetExtension(path) == SafetensorsFile.Extension;
        // Before the hash reads it through: a file of another shape, or far larger than its shape block implies, is
        // refused as such.
        if (safetensors) SafetensorsFile.Check(path, model);
        if (!string.Equals(Sha256(path), info.WeightsSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{path} is truncated or corrupted: its SHA-256 differs from the one in {IndexFile}");
        // The SHA-256 matched the one recorded when the file was saved, so from here on a file that does not parse was
        // never one of ours (or checkpoint.json was edited to match it): it is not truncated, whatever it lacks.
        if (safetensors)
        {
            if (trainer is not null)
                throw new InvalidDataException($"{path} holds weights alone (safetensors), without the optimizer state that resuming needs");
            SafetensorsFile.Read(path, model);
            return;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (!reader.ReadBytes(Header.Length).AsSpan().SequenceEqual(Header))
                throw new InvalidDataException($"{path} is not a valid weights file: it does not start with the {Magic} header");
            StateDictFile.Read(reader, model, path);
            trainer?.ReadState(reader, info.Progress);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is not a valid weights file: it ends where more data should follow", e);
        }
    }

    /// <summary>A file's SHA-256 in upper-case hex, as checkpoint.json records it.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }
}

/// <summary>How an exported model's weights are stored: LvaeLive's own file, or safetensors for PyTorch (python/).</summary>
public enum WeightsFormat { Lvae, Safetensors }
