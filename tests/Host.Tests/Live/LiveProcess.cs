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
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public LiveProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        _process = ProcessRunner.Start(AsForegroundCommand(LvaeProcess.Command(environment, args)));
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _errors.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// The command as a terminal's foreground job runs it, with SIGINT and SIGQUIT at their defaults and the stop signals
    /// not blocked. A shell that starts a job in the background (`nohup scripts/test.sh &`) makes it ignore them, a
    /// runner may block them, both pass on to every child, and .NET keeps an ignored SIGINT ignored: Ctrl+C would then
    /// never reach lvae. perl (perl-base, in every Debian, with POSIX) resets them and execs the command.
    /// </summary>
    private static ProcessCommand AsForegroundCommand(ProcessCommand command) => command with
    {
        Program = "perl",
        Arguments =
        [
            "-e",
            "use POSIX (); POSIX::sigprocmask(POSIX::SIG_UNBLOCK(), POSIX::SigSet->new(POSIX::SIGINT(), POSIX::SIGQUIT(), POSIX::SIGTERM())) " +
            "or die qq(sigprocmask: $!); $SIG{INT} = $SIG{QUIT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die qq(exec $ARGV[0]: $!)",
            command.Program, .. command.Arguments,
        ],
    };

    public IEnumerable<string> Output => _lines;
    public IEnumerable<string> Errors => _errors;

    /// <summary>Waits until an output line satisfies <paramref name="match"/>; fails with the output so far otherwise.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            var found = _lines.LastOrDefault(match);
            if (found is not null) return found;
            if (_process.HasExited)
            {
                // The process can end before the reader has handed over its last lines: the parameterless wait
                // returns once the output is read to its end, and only then is a missing line missing.
                _process.WaitForExit();
                if (_lines.LastOrDefault(match) is { } last) return last;
                Assert.Fail($"lvae exited ({_process.ExitCode}) before {what}:\n{string.Join('\n', _lines)}\n{string.Join('\n', _errors)}");
            }
            Thread.Sleep(25);
        }
        Assert.Fail($"no {what} within {timeout.TotalSeconds} s:\n{string.Join('\n', _lines)}\n{string.Join('\n', _errors)}");
        return "";
    }

    /// <summary>Sends lvae a signal (INT, TERM), as Ctrl+C or a service manager would.</summary>
    public void Signal(string name) => ExternalTools.Run("kill", $"-{name}", _process.Id.ToString(CultureInfo.InvariantCulture));

    public int WaitForExit(TimeSpan timeout)
    {
        Assert.True(_process.WaitForExit(timeout), $"lvae did not exit within {timeout.TotalSeconds} s");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
