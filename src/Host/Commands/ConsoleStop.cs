using System.Runtime.InteropServices;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation that the command answers by stopping cleanly (saving,
/// or removing a partial recording); a second one ends the process at once, as users expect.
/// </summary>
internal sealed class ConsoleStop : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly string? _announcement;

    /// <param name="announcement">What the command will do, said when the signal comes; null when it says so itself once done.</param>
    public ConsoleStop(string? announcement = "saving and stopping after this step (again to abort without saving)")
    {
        _announcement = announcement;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The signal that asked to stop, once one did.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>The exit code a shell expects after a stop by <see cref="Received"/>: 128 plus the signal's number.</summary>
    public int ExitCode => Received switch
    {
        PosixSignal.SIGINT => 128 + 2,
        PosixSignal.SIGTERM => 128 + 15,
        _ => throw new InvalidOperationException("no stop signal was received"),
    };

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        Received = context.Signal;
        if (_announcement is not null) Console.Error.WriteLine($"lvae: {context.Signal} received, {_announcement}");
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
