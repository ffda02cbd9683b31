namespace LvaeLive.Host.Commands;

/// <summary>
/// Turns the first Ctrl+C into a cancellation that the command answers by saving and exiting; a second Ctrl+C
/// ends the process at once, as users expect.
/// </summary>
internal sealed class ConsoleStop : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly ConsoleCancelEventHandler handler;

    public ConsoleStop()
    {
        handler = (_, e) =>
        {
            if (source.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("lvae: stopping after this step (Ctrl+C again to abort without saving)");
            source.Cancel();
        };
        Console.CancelKeyPress += handler;
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= handler;
        source.Dispose();
    }
}
