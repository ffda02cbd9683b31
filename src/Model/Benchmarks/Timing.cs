using LvaeLive.Model.Time;

namespace LvaeLive.Model.Benchmarks;

/// <summary>Median of repeated timings after a warm-up, in seconds.</summary>
public static class Timing
{
    public static double Median(Action action, int repeats, int warmup = 3)
    {
        for (var i = 0; i < warmup; i++) action();
        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = WallClock.StartNew();
            action();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        return seconds[repeats / 2];
    }
}
