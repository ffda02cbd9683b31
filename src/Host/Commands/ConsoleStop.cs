using System.Runtime.InteropServices;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation that the command answers by saving and exiting;
/// a second one ends the process at once, as users expect.
/// </summary>
internal sealed class ConsoleStop : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    public ConsoleStop()
    {
        registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => source.Token;

    private void Handle(PosixSignalContext context)
    {
        if (source.IsCancellationRequested) return;
        context.Cancel = true;
        Console.Error.WriteLine($"lvae: {context.Signal} received, saving and stopping after this step (again to abort without saving)");
        source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in registrations) registration.Dispose();
        source.Dispose();
    }
}
