namespace LvaeLive.Host.Recording;

/// <summary>The last lines a child process wrote to stderr, kept for the message when it fails.</summary>
internal sealed class StderrTail(int capacity = 12)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (gate)
        {
            if (lines.Count == capacity)
                lines.Dequeue();
            lines.Enqueue(line.Trim());
        }
    }

    public override string ToString()
    {
        lock (gate)
            return lines.Count == 0 ? "(ffmpeg printed nothing)" : string.Join(" | ", lines);
    }
}
