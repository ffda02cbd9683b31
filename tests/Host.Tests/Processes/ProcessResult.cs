using System.Text;

namespace LvaeLive.Host.Tests.Processes;

/// <summary>How a finished process ended and what it wrote: stdout as bytes (screenshots) or text, stderr as text.</summary>
internal sealed record ProcessResult(ProcessCommand Command, int ExitCode, byte[] OutputBytes, string Error)
{
    public string Output => Encoding.UTF8.GetString(OutputBytes);

    /// <summary>This result, if the process exited with 0; otherwise the test fails with the command and its stderr.</summary>
    public ProcessResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"`{Command}` exited with {ExitCode}: {Error}");
        return this;
    }
}
