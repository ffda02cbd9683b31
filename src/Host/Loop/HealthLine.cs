using LvaeLive.Host.Session;
using LvaeLive.Model.Live;

namespace LvaeLive.Host.Loop;

/// <summary>
/// The `health:` lines of a long live run (--health-every): resident and managed memory, live tensors and where
/// training stands, for scripts/soak.sh to follow a run for hours without attaching to it. The tensors that a
/// training step or a decode holds while under way come and go by the hundred, so the line gives the fewest seen at
/// any frame since the last line: what stays alive, which is what grows when something leaks.
/// </summary>
internal sealed class HealthLine(ModelSide model)
{
    private long _fewestTensors = long.MaxValue;

    /// <summary>Called between frames, when the view's own decode holds no tensor.</summary>
    public void Sample() => _fewestTensors = Math.Min(_fewestTensors, LiveTensors.Count);

    public string Describe(TimeSpan elapsed)
    {
        Sample();
        var progress = model.Session?.Trainer.Progress;
        var training = progress is null ? "training=off" : $"epoch={progress.Epoch + 1} step={progress.GlobalStep}";
        var line = $"health: seconds={elapsed.TotalSeconds:F0} rss_mib={Environment.WorkingSet / 1048576.0:F1} " +
                   $"managed_mib={GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F1} live_tensors={_fewestTensors} {training}";
        _fewestTensors = long.MaxValue;
        return line;
    }
}
