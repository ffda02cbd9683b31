using LvaeLive.Model.Live;

namespace LvaeLive.Host.Live;

/// <summary>
/// One `health:` line of a long live run (--health-every): resident and managed memory, live tensors and where
/// training stands, for scripts/soak.sh to follow a run for hours without attaching to it.
/// </summary>
internal static class HealthLine
{
    public static string Describe(TimeSpan elapsed, LiveModel live)
    {
        var progress = live.Session?.Trainer.Progress;
        var training = progress is null ? "training=off" : $"epoch={progress.Epoch + 1} step={progress.GlobalStep}";
        return $"health: seconds={elapsed.TotalSeconds:F0} rss_mib={Environment.WorkingSet / 1048576.0:F1} " +
               $"managed_mib={GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F1} live_tensors={LiveTensors.Count} {training}";
    }
}
