namespace LvaeLive.Host.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Tiny = ["--layers", "4,2", "--hidden", "16,8", "--batch-size", "128", "--train-limit", "512", "--threads", "1"];
    private readonly string folder = Directory.CreateTempSubdirectory("lvae-cli-").FullName;

    private static void AssertOneLineError(LvaeProcess.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{result.Error}");
        Assert.StartsWith("lvae: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    [Fact]
    public void UnknownOptionGetsOneLineAndPointsAtHelp()
    {
        var result = LvaeProcess.Run("train", "--bogus", "3");
        AssertOneLineError(result, "--bogus");
        Assert.Contains("lvae train --help", result.Error);
    }

    [Fact]
    public void MissingDataNamesTheCommandThatFetchesIt()
    {
        AssertOneLineError(LvaeProcess.Run(["train", "--data", folder, .. Tiny]), "scripts/fetch-mnist.sh");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void BadValuesAreRejectedBeforeAnythingIsWritten()
    {
        var runDir = Path.Combine(folder, "run");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--layers", "4,x", "--hidden", "16,8"]), "--layers");
        AssertOneLineError(LvaeProcess.Run(["train", "--run-dir", runDir, "--batch-norm", "maybe"]), "--batch-norm");
        AssertOneLineError(LvaeProcess.Run(["train", "--resume"]), "--run-dir");
        Assert.False(Directory.Exists(runDir));
    }

    [Fact]
    public void TrainsResumesAndRefusesAnotherShape()
    {
        var runDir = Path.Combine(folder, "run");
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
    }

    [Fact]
    public void StartUpRemovesTheCheckpointFilesAKilledRunLeftHalfWritten()
    {
        var runDir = Path.Combine(folder, "run");
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

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
