using System.Globalization;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Tests.Window;

namespace LvaeLive.Host.Tests.Processes;

/// <summary>The one process runner: what a program gets and gives back, and that a hung one cannot hang the suite.</summary>
public sealed class ProcessRunnerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheProgramGetsItsArgumentsEnvironmentAndFolderAndItsOutputComesBack()
    {
        var command = new ProcessCommand("sh", "-c", "printf '%s %s' \"$1\" \"$GREETING\"; pwd >&2; exit 3", "sh", "two words")
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello" },
            WorkingDirectory = _folder.Path,
        };

        var result = ProcessRunner.Run(command, TimeSpan.FromSeconds(30));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("two words hello", result.Output);
        Assert.Equal("two words hello"u8.ToArray(), result.OutputBytes);
        Assert.Equal(_folder.Path, result.Error.Trim());
    }

    [Fact]
    public void AHungProgramIsKilledWithItsChildrenAndTheMessageSaysWhich()
    {
        var pidFile = _folder["child.pid"];
        var command = new ProcessCommand("sh", "-c", $"sleep 60 & echo $! > {pidFile}; wait");

        var error = Assert.Throws<TimeoutException>(() => ProcessRunner.Run(command, TimeSpan.FromSeconds(1)));

        Assert.Equal($"`{command}` did not finish within 1 s; it and its child processes were killed", error.Message);
        var child = File.ReadAllText(pidFile).Trim();
        XDisplay.WaitUntil(TimeSpan.FromSeconds(10), () => !Directory.Exists($"/proc/{child}"), $"the child sleep ({child}) still runs");
    }
}
