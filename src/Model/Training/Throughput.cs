using LvaeLive.Files.Time;

namespace LvaeLive.Model.Training;

/// <summary>Samples per second over a sliding window of recent steps, so that the figure follows the current speed.</summary>
internal sealed class Throughput
{
    private const int Window = 20;
    private readonly WallClock _clock = WallClock.StartNew();
    private readonly Queue<(TimeSpan At, int Samples)> _recent = new();
    private int _samplesInWindow;

    public double Add(int samples)
    {
        var now = _clock.Elapsed;
        _recent.Enqueue((now, samples));
        _samplesInWindow += samples;
        if (_recent.Count > Window) _samplesInWindow -= _recent.Dequeue().Samples;
        var (oldest, oldestSamples) = _recent.Peek();
        var seconds = (now - oldest).TotalSeconds;
        // The oldest entry marks the window's start; its own samples were processed before it.
        return seconds > 0 ? (_samplesInWindow - oldestSamples) / seconds : 0;
    }
}
