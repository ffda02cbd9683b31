using LvaeLive.Host.Tests.Live;
using LvaeLive.Model.Checkpoints;
using static LvaeLive.Host.Tests.LvaeProcess;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>`lvae live` with options it cannot honour: one line, exit code 2, and nothing written.</summary>
public sealed class LiveOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-live-options-").FullName;
    private string RunDir => Path.Combine(_folder, "run");

    [Theory]
    [InlineData("--fps-cap", "0", "--fps-cap is 0; it must be 1 to 1000 frames per second")]
    [InlineData("--fps-cap", "-1", "--fps-cap is -1; it must be 1 to 1000 frames per second")]
    [InlineData("--fps-cap", "NaN", "--fps-cap is NaN; it must be 1 to 1000 frames per second")]
    [InlineData("--ui-scale", "NaN", "--ui-scale is NaN; it must be 0.5 to 3")]
    [InlineData("--record-fps", "0", "--record-fps is 0; it must be 1 to 240 frames per second")]
    [InlineData("--record-size", "321x240", "--record-size 321x240: videos need an even width and height")]
    [InlineData("--health-every", "-5", "--health-every is -5; it must be 1 to 86400 seconds")]
    [InlineData("--lr", "NaN", "--lr is NaN; it must be a positive number up to 3.4E+37")]
    public void BadOptionsAreRefusedBeforeAnythingIsWritten(string option, string value, string expected)
    {
        AssertOneLineError(Run("live", "--headless", "--seconds", "1", "--threads", "1", "--run-dir", RunDir, option, value), $"lvae: {expected}");
        Assert.False(Directory.Exists(RunDir), "the run folder was written before the option was checked");
    }

    [Fact]
    public void OptionsThatACheckpointOverridesConflictWithIt()
    {
        TinyRun.Checkpoint(RunDir, steps: 0);
        var index = Path.Combine(RunDir, CheckpointStore.IndexFile);
        var saved = File.ReadAllBytes(index);
        var other = Path.Combine(_folder, "other");

        AssertOneLineError(Run("live", "--headless", "--seconds", "1", "--threads", "1", "--checkpoint", RunDir, "--run-dir", other),
            $"lvae: --checkpoint and --run-dir conflict: a checkpoint's run continues in its own folder ({RunDir}); drop --run-dir, or drop --checkpoint to start a new run in {other}");
        AssertOneLineError(Run("live", "--headless", "--seconds", "1", "--threads", "1", "--checkpoint", RunDir, "--layers", "4,2", "--hidden", "16,8"),
            $"lvae: --checkpoint and --layers, --hidden conflict: {RunDir} holds a LVAE latents 8-4-2, hidden 64-32-16, batch norm on, bernoulli likelihood model, " +
            "not the LVAE latents 4-2, hidden 16-8, batch norm on, bernoulli likelihood model asked for; drop --layers, --hidden to continue that run, or start a new one");
        AssertOneLineError(Run("live", "--headless", "--seconds", "1", "--threads", "1", "--checkpoint", RunDir, "--lr", "0.1"),
            "lvae: --checkpoint and --lr conflict: a saved run keeps the recipe it was started with (only --epochs may change); drop --lr, or start a new run");

        Assert.False(Directory.Exists(other));
        Assert.Equal(saved, File.ReadAllBytes(index));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
