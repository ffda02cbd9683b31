using LvaeLive.Files.Time;

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

    /// <summary>
    /// The median time of each action, timed in turn within every repeat (after the warm-up): on a shared machine,
    /// a busy moment then slows every action alike, and ratios between them hold.
    /// </summary>
    public static double[] MediansInterleaved(IReadOnlyList<Action> actions, int repeats, int warmup = 3)
    {
        for (var i = 0; i < warmup; i++)
            foreach (var action in actions) action();
        var seconds = actions.Select(_ => new double[repeats]).ToArray();
        for (var i = 0; i < repeats; i++)
        {
            for (var a = 0; a < actions.Count; a++)
            {
                var clock = WallClock.StartNew();
                actions[a]();
                seconds[a][i] = clock.Elapsed.TotalSeconds;
            }
        }
        return seconds.Select(times => times.Order().ElementAt(repeats / 2)).ToArray();
    }
}
