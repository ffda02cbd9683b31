namespace LvaeLive.Host.Recording;

/// <summary>The last lines a child process wrote to stderr, kept for the message when it fails.</summary>
internal sealed class StderrTail(int capacity = 12)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (_gate)
        {
            if (_lines.Count == capacity)
                _lines.Dequeue();
            _lines.Enqueue(line.Trim());
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return _lines.Count == 0 ? "(ffmpeg printed nothing)" : string.Join(" | ", _lines);
    }
}
