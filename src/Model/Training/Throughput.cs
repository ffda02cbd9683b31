using LvaeLive.Model.Time;

namespace LvaeLive.Model.Training;

/// <summary>Samples per second over a sliding window of recent steps, so that the figure follows the current speed.</summary>
internal sealed class Throughput
{
    private const int Window = 20;
    private readonly WallClock clock = WallClock.StartNew();
    private readonly Queue<(TimeSpan At, int Samples)> recent = new();
    private int samplesInWindow;

    public double Add(int samples)
    {
        var now = clock.Elapsed;
        recent.Enqueue((now, samples));
        samplesInWindow += samples;
        if (recent.Count > Window) samplesInWindow -= recent.Dequeue().Samples;
        var (oldest, oldestSamples) = recent.Peek();
        var seconds = (now - oldest).TotalSeconds;
        // The oldest entry marks the window's start; its own samples were processed before it.
        return seconds > 0 ? (samplesInWindow - oldestSamples) / seconds : 0;
    }
}
