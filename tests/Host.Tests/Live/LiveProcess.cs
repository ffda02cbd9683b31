using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LvaeLive.Host.Tests.Processes;
using LvaeLive.Host.Tests.Recording;

namespace LvaeLive.Host.Tests.Live;

/// <summary>
/// `lvae` running in the background while a test talks to it: its output lines are collected as they come, and the
/// test waits for a line it expects (with a deadline, never a fixed sleep).
/// </summary>
internal sealed class LiveProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> errors = new();

    public LiveProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        process = ProcessRunner.Start(LvaeProcess.Command(environment, args));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IEnumerable<string> Output => lines;
    public IEnumerable<string> Errors => errors;

    /// <summary>Waits until an output line satisfies <paramref name="match"/>; fails with the output so far otherwise.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            var found = lines.LastOrDefault(match);
            if (found is not null) return found;
            if (process.HasExited && !lines.Any(match))
                Assert.Fail($"lvae exited ({process.ExitCode}) before {what}:\n{string.Join('\n', lines)}\n{string.Join('\n', errors)}");
            Thread.Sleep(25);
        }
        Assert.Fail($"no {what} within {timeout.TotalSeconds} s:\n{string.Join('\n', lines)}\n{string.Join('\n', errors)}");
        return "";
    }

    /// <summary>Sends lvae a signal (INT, TERM), as Ctrl+C or a service manager would.</summary>
    public void Signal(string name) => ExternalTools.Run("kill", $"-{name}", process.Id.ToString(CultureInfo.InvariantCulture));

    public int WaitForExit(TimeSpan timeout)
    {
        Assert.True(process.WaitForExit(timeout), $"lvae did not exit within {timeout.TotalSeconds} s");
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
