using System.CommandLine;
using LvaeLive.Host.Commands;
using LvaeLive.Model;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>
/// `lvae eval` and `lvae compare` on bad input: one line on stderr, exit code 2, and no report folder. The commands run
/// in this process (Console.Error is redirected), so this class is kept out of parallel runs.
/// </summary>
[Collection(nameof(EvalCommandTests))]
[CollectionDefinition(nameof(EvalCommandTests), DisableParallelization = true)]
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-eval-cli-{Guid.NewGuid():N}");
    private string Out => Path.Combine(_folder, "report");
    private string Data => Path.Combine(_folder, "mnist");

    public EvalCommandTests()
    {
        Directory.CreateDirectory(_folder);
        WriteTestSet(Data, side: 28);
    }

    [Fact]
    public void ZeroImportanceSamplesIsRefused()
    {
        var (code, error) = Run("eval", "--checkpoint", _folder, "--out", Out, "--iw-samples", "0", "--data", Data);
        AssertRefused(code, error, "--iw-samples must be positive");
    }

    [Fact]
    public void MissingCheckpointIsRefused()
    {
        var (code, error) = Run("eval", "--checkpoint", Path.Combine(_folder, "no-run"), "--out", Out, "--iw-samples", "5", "--data", Data);
        AssertRefused(code, error, "no checkpoint at");
    }

    [Fact]
    public void CheckpointThatDoesNotMatchItsWeightsIsRefused()
    {
        var run = Path.Combine(_folder, "run");
        var test = MnistDataset.LoadTest(Data);
        using (TrainingSession.Start(run, new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, new TrainOptions { Epochs = 1, BatchSize = 2 }, test, test, TorchSharp.torch.CPU)) { }
        var (info, _) = CheckpointStore.ReadInfo(run);
        File.WriteAllText(Path.Combine(run, CheckpointStore.IndexFile),
            System.Text.Json.JsonSerializer.Serialize(info with { Model = info.Model with { LatentSizes = [4, 3] } }, CheckpointStore.Json));

        var (code, error) = Run("eval", "--checkpoint", run, "--out", Out, "--iw-samples", "5", "--data", Data);
        AssertRefused(code, error, "does not match the model");
    }

    [Fact]
    public void CheckpointOfAModelTooLargeForThisMachineIsRefusedBeforeBuildingIt()
    {
        var run = Path.Combine(_folder, "run");
        var test = MnistDataset.LoadTest(Data);
        using (TrainingSession.Start(run, new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, new TrainOptions { Epochs = 1, BatchSize = 2 }, test, test, TorchSharp.torch.CPU)) { }
        var (info, _) = CheckpointStore.ReadInfo(run);
        File.WriteAllText(Path.Combine(run, CheckpointStore.IndexFile),
            System.Text.Json.JsonSerializer.Serialize(info with { Model = info.Model with { LatentSizes = [2000000000, 2] } }, CheckpointStore.Json));

        var (code, error) = Run("eval", "--checkpoint", run, "--out", Out, "--iw-samples", "5", "--data", Data);
        AssertRefused(code, error, "checkpoint.json: model.latentSizes 2000000000,2 and model.hiddenSizes 16,8 make a model of ");
        Assert.Contains("GiB to train", error);
    }

    [Fact]
    public void TestSetOfTheWrongShapeIsRefused()
    {
        var wrong = Path.Combine(_folder, "wrong");
        WriteTestSet(wrong, side: 27);
        var (code, error) = Run("eval", "--checkpoint", _folder, "--out", Out, "--iw-samples", "5", "--data", wrong);
        AssertRefused(code, error, "MNIST images are [N, 28, 28]");
    }

    [Fact]
    public void ReportFolderThatCannotBeWrittenIsRefused()
    {
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");
        var (code, error) = Run("eval", "--checkpoint", _folder, "--out", Path.Combine(file, "report"), "--iw-samples", "5", "--data", Data);
        Assert.Equal(CommandRunner.UserErrorExitCode, code);
        Assert.Contains("is a file, not a folder", error);
    }

    [Fact]
    public void CompareRefusesZeroImportanceSamplesBeforeTraining()
    {
        var (code, error) = Run("compare", "--out", Out, "--iw-samples", "0", "--data", Data, "--epochs", "1");
        AssertRefused(code, error, "--iw-samples must be positive");
    }

    private void AssertRefused(int code, string error, string expected)
    {
        Assert.Equal(CommandRunner.UserErrorExitCode, code);
        Assert.StartsWith("lvae: ", error);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Out), "a report folder was left behind");
    }

    private static (int Code, string Error) Run(params string[] args)
    {
        var root = new RootCommand { Subcommands = { EvalCommand.Create(), CompareCommand.Create() } };
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (CommandRunner.Run(root, args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    /// <summary>A 4-image t10k set (and a train set, for compare) of side x side pixels, in IDX format.</summary>
    private static void WriteTestSet(string folder, int side)
    {
        Directory.CreateDirectory(folder);
        const int count = 4;
        foreach (var prefix in new[] { "t10k", "train" })
        {
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"),
                [0, 0, 8, 3, .. BigEndian(count), .. BigEndian(side), .. BigEndian(side), .. Enumerable.Range(0, count * side * side).Select(i => (byte)(i * 37 % 256))]);
            File.WriteAllBytes(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), [0, 0, 8, 1, .. BigEndian(count), 1, 2, 3, 4]);
        }
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
