using LvaeLive.Host.Tests.Live;
using LvaeLive.Host.Tests.Recording;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>`lvae record` when the recording cannot be kept: a full disk, a stop signal, and what killed runs left behind.</summary>
public sealed class RecordCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public RecordCommandTests() => TinyRun.Checkpoint(_folder["run"], steps: 2);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AFullDiskIsOneLineANonZeroExitAndNoFile()
    {
        using var full = new FullFilesystem();
        var result = LvaeProcess.Run(Record(full["x.mp4"], seconds: 2));

        LvaeProcess.AssertOneLineError(result, "No space left on device");
        Assert.StartsWith("lvae: recording stopped: ", result.Error);
        Assert.Contains("choose another --out", result.Error);
        Assert.Empty(result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(full.Path));
    }

    [Theory]
    [InlineData("INT", 130, true)]
    [InlineData("TERM", 143, false)] // Without ffmpeg: the partial recording is a folder of PNG files.
    public void AStopSignalRemovesThePartialRecordingSaysSoAndExits128PlusItsNumber(string signal, int exitCode, bool withFfmpeg)
    {
        Directory.CreateDirectory(_folder["no-tools"]);
        var environment = withFfmpeg ? new Dictionary<string, string>() : new Dictionary<string, string> { ["PATH"] = _folder["no-tools"] };
        using var record = new LiveProcess(environment, Record(_folder["out/x.mp4"], seconds: 600));

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Directory.Exists(_folder["out"]) || !Directory.EnumerateFileSystemEntries(_folder["out"], ".x*.partial").Any())
        {
            Assert.False(deadline.IsCancellationRequested, $"no partial recording within 2 minutes:\n{string.Join('\n', record.Errors)}");
            Thread.Sleep(25);
        }
        record.Signal(signal);

        Assert.Equal(exitCode, record.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal([$"lvae: record: stopped by SIG{signal}; removed the partial recording"], record.Errors);
        Assert.Empty(Directory.GetFileSystemEntries(_folder["out"]));
    }

    [Fact]
    public void ARecordingTakesTheUiScaleOfTheProjectorWithLivesCheck()
    {
        string[] Scaled(string scale, string output) =>
            ["record", "--checkpoint", _folder["run"], "--seconds", "0.25", "--fps", "4", "--size", "640x360", "--ui-scale", scale, "--out", _folder[output], "--threads", "1"];
        LvaeProcess.AssertOneLineError(LvaeProcess.Run(Scaled("9", "refused.gif")), "--ui-scale is 9; it must be 0.5 to 3");
        Assert.False(File.Exists(_folder["refused.gif"]));

        Assert.Equal(0, LvaeProcess.Run(Scaled("1", "small.gif")).ExitCode);
        Assert.Equal(0, LvaeProcess.Run(Scaled("2", "large.gif")).ExitCode);
        // The same frames but for the size of text and spacing.
        Assert.NotEqual(File.ReadAllBytes(_folder["small.gif"]), File.ReadAllBytes(_folder["large.gif"]));
    }

    [Fact]
    public void StartUpRemovesThePartialRecordingsOfEndedRunsAndSaysSo()
    {
        var ended = ExternalTools.EndedProcessId();
        Directory.CreateDirectory(_folder[$"out/.old-png.{ended}.partial"]);
        File.WriteAllText(_folder[$"out/.old-png.{ended}.partial/frame_000000.png"], "a frame");
        File.WriteAllText(_folder[$"out/.old.mp4.{ended}.partial"], "half a video");
        // This test's process runs: its recording is still being written and stays.
        var running = _folder[$"out/.other.mp4.{Environment.ProcessId}.partial"];
        File.WriteAllText(running, "");

        var result = LvaeProcess.Run(Record(_folder["out/x.mp4"], seconds: 0.2));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains($"lvae: removed what interrupted runs left: {_folder[$"out/.old-png.{ended}.partial"]}, {_folder[$"out/.old.mp4.{ended}.partial"]}\n", result.Error);
        Assert.Equal([running, _folder["out/x.mp4"]], Directory.GetFileSystemEntries(_folder["out"]).Order(StringComparer.Ordinal));
    }

    private string[] Record(string output, double seconds) =>
        ["record", "--checkpoint", _folder["run"], "--seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--fps", "10",
            "--size", "320x240", "--out", output, "--threads", "1"];
}
