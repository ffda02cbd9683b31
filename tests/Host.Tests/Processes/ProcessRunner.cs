using System.Diagnostics;

namespace LvaeLive.Host.Tests.Processes;

/// <summary>
/// The tests' one way to run another program (lvae, xdotool, ffmpeg, ...): started with its stdout and stderr
/// captured, and, when run to its end, bounded in time, so a hung program fails its test instead of the whole run.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Starts the command with stdout and stderr redirected; the caller reads them and ends the process.</summary>
    public static Process Start(ProcessCommand command)
    {
        var start = new ProcessStartInfo(command.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = command.WorkingDirectory ?? "",
        };
        foreach (var argument in command.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in command.Environment)
            start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"`{command}` did not start");
    }

    /// <summary>
    /// Runs the command to its end and returns what it wrote; the exit code is the caller's to judge (a search that
    /// finds nothing exits with 1). Past <paramref name="timeout"/> the process and its children are killed and the
    /// test fails.
    /// </summary>
    public static ProcessResult Run(ProcessCommand command, TimeSpan timeout)
    {
        using var process = Start(command);
        using var output = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(output);
        var stderr = process.StandardError.ReadToEndAsync();
        // The streams end only when every process holding them has exited, so waiting on them bounds a shell's children too.
        if (!Task.WhenAll(stdout, stderr, process.WaitForExitAsync()).Wait(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s; it and its child processes were killed");
        }
        return new ProcessResult(command, process.ExitCode, output.ToArray(), stderr.Result);
    }
}
