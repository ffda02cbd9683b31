using static LvaeLive.Host.Tests.LvaeProcess;

namespace LvaeLive.Host.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Tiny = ["--layers", "4,2", "--hidden", "16,8", "--batch-size", "128", "--train-limit", "512", "--threads", "1"];
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-cli-").FullName;

    [Fact]
    public void UnknownOptionGetsOneLineAndPointsAtHelp()
    {
        var result = LvaeProcess.Run("train", "--bogus", "3");
        AssertOneLineError(result, "--bogus");
        Assert.Contains("lvae train --help", result.Error);
    }

    [Fact]
    public void UnknownOrMissingCommandIsNamedAndTheCommandsListed()
    {
        AssertOneLineError(LvaeProcess.Run("foo"), "lvae: unknown command 'foo'; the commands are train, eval, export, compare, bench, render, record, live, talk (see `lvae --help`)");
        AssertOneLineError(LvaeProcess.Run(), "lvae: no command given; the commands are train, eval, export, compare, bench, render, record, live, talk (see `lvae --help`)");
        AssertOneLineError(LvaeProcess.Run("bench", "foo"), "lvae: unknown command 'foo'; the commands are ");
    }

    [Fact]
    public void MissingDataNamesTheCommandThatFetchesIt()
    {
        AssertOneLineError(LvaeProcess.Run(["train", "--data", _folder, .. Tiny]), "scripts/fetch-mnist.sh");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void BadValuesAreRejectedBeforeAnythingIsWritten()
    {
        var runDir = Path.Combine(_folder, "run");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--layers", "4,x", "--hidden", "16,8"]), "--layers");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--batch-norm", "maybe"]), "--batch-norm");
        AssertOneLineError(LvaeProcess.Run(["train", "--resume"]), "--run-dir");
        Assert.False(Directory.Exists(runDir));
    }

    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("1e308", "1E+308")]
    public void LearningRateThatAdamCannotApplyIsRefusedBeforeAnythingIsWritten(string rate, string shown)
    {
        var runDir = Path.Combine(_folder, "run");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--lr", rate, .. Tiny]),
            $"lvae: --lr is {shown}; it must be a positive number up to 3.4E+37 (Adam's first step, ten times the rate, must fit in float32)");
        Assert.False(Directory.Exists(runDir));
    }

    [Fact]
    public void AnUnknownLearningRateScheduleIsRefusedListingTheValidOnes()
    {
        var runDir = Path.Combine(_folder, "run");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--lr-schedule", "linear", .. Tiny]),
            "lvae: --lr-schedule linear: there is no such schedule; use constant, exponential or cosine");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--lr-schedule", "exponential", "--lr-floor", "0.1", .. Tiny]),
            "lvae: --lr-floor applies to the cosine schedule only, and this run's is exponential");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--lr-floor", "1.5", .. Tiny]),
            "lvae: --lr-floor is 1.5; it must be a fraction of the learning rate, 0 to 1");
        Assert.False(Directory.Exists(runDir));
    }

    [Fact]
    public void DivergingRunStopsAfterFiveRestoresWithItsCheckpointWhole()
    {
        var runDir = Path.Combine(_folder, "run");
        var result = LvaeProcess.Run(["train", "--run-dir", runDir, "--lr", "1e30", "--epochs", "1", .. Tiny]);
        AssertOneLineError(result, "lvae: training diverged: the loss stayed non-finite through 5 restores of checkpoint-e0000-s000000000.bin, down to a learning rate of ");
        Assert.EndsWith($"; {runDir} still holds that checkpoint. Start a new run with a lower --lr (this one began at 1E+30)", result.Error.TrimEnd());
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(result.Output, "non-finite losses in a row: restored"));
        using var model = LvaeLive.Model.Checkpoints.CheckpointStore.LoadModel(runDir, TorchSharp.torch.CPU);
    }

    [Fact]
    public void ModelTooLargeForThisMachineIsRefusedBeforeAnythingIsWritten()
    {
        var runDir = Path.Combine(_folder, "run");
        var result = LvaeProcess.Run("train", "--run-dir", runDir, "--layers", "2000000000,4,2", "--hidden", "16,8,4", "--threads", "1");
        AssertOneLineError(result, "lvae: --layers 2000000000,4,2 and --hidden 16,8,4 make a model of ");
        Assert.Matches(@"which needs [\d,.]+ GiB to train \(weights, gradients and Adam's two moments, 4 bytes each\), more than the [\d,.]+ GiB of this machine; give smaller sizes", result.Error);
        AssertOneLineError(LvaeProcess.Run("train", "--run-dir", runDir, "--layers", "32,16,8", "--hidden", "1000000000,32,16", "--threads", "1"), "GiB to train");
        Assert.False(Directory.Exists(runDir));
    }

    [Fact]
    public void TrainsResumesAndRefusesAnotherShape()
    {
        var runDir = Path.Combine(_folder, "run");
        var first = LvaeProcess.Run(["train", "--run-dir", runDir, "--epochs", "1", .. Tiny]);
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("test ELBO", first.Output);
        Assert.True(File.Exists(Path.Combine(runDir, "checkpoint.json")));
        Assert.NotEmpty(Directory.EnumerateFiles(runDir, "events.out.tfevents.*"));

        var resumed = LvaeProcess.Run("train", "--run-dir", runDir, "--resume", "--epochs", "2", "--threads", "1");
        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Contains("epoch    2: test ELBO", resumed.Output);
        Assert.DoesNotContain("epoch    1: test ELBO", resumed.Output);

        AssertOneLineError(LvaeProcess.Run("train", "--run-dir", runDir, "--resume", "--layers", "8,2", "--hidden", "16,8"), "4-2");
        AssertOneLineError(LvaeProcess.Run("train", "--run-dir", runDir, "--resume", "--lr", "0.1"), "lvae: --resume and --lr conflict: a saved run keeps the recipe it was started with");
    }

    [Fact]
    public void StartUpRemovesTheCheckpointFilesAKilledRunLeftHalfWritten()
    {
        var runDir = Path.Combine(_folder, "run");
        Directory.CreateDirectory(runDir);
        var halfWritten = Path.Combine(runDir, $".checkpoint-e0003-s000000012.bin.{Recording.ExternalTools.EndedProcessId()}.partial");
        File.WriteAllText(halfWritten, "cut short");

        var result = LvaeProcess.Run(["train", "--run-dir", runDir, "--epochs", "1", .. Tiny]);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains($"lvae: removed what interrupted runs left: {halfWritten}\n", result.Error);
        Assert.Empty(Directory.EnumerateFiles(runDir, "*.partial"));
        Assert.True(File.Exists(Path.Combine(runDir, "checkpoint.json")));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("bench")]
    public void EveryVerbHasHelp(string verb)
    {
        var result = LvaeProcess.Run(verb, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
