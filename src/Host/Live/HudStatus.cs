using System.Diagnostics;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Live;

/// <summary>
/// The HUD's lines: training progress and speed, frame rate, device, animation state. Rebuilt a few times a second
/// rather than every frame, since nobody reads faster and every rebuild makes strings.
/// </summary>
internal sealed class HudStatus
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan NoticeDuration = TimeSpan.FromSeconds(6);

    private readonly string device;
    private readonly Stopwatch sinceRefresh = Stopwatch.StartNew();
    private readonly Stopwatch sinceNotice = new();
    private IReadOnlyList<string> lines = [];
    private TrainingEvent.Stepped? lastStep;
    private double? testElbo;
    private string? notice;

    public HudStatus(string device) => this.device = device;

    public void Add(TrainingEvent trainingEvent)
    {
        switch (trainingEvent)
        {
            case TrainingEvent.Stepped stepped:
                lastStep = stepped;
                break;
            case TrainingEvent.EpochEnded ended:
                testElbo = ended.Test.Elbo;
                break;
            case TrainingEvent.Notice n:
                ShowNotice(n.Message);
                break;
        }
    }

    public void ShowNotice(string message)
    {
        notice = message;
        sinceNotice.Restart();
        sinceRefresh.Reset();
    }

    /// <param name="training">Describes training: running, paused, NaN (showing the last good weights), finished or none.</param>
    /// <param name="animation">Describes the animation's state; both are asked only when the lines are rebuilt.</param>
    public IReadOnlyList<string> Lines(Func<string> training, double framesPerSecond, Func<string> animation)
    {
        if (sinceRefresh.IsRunning && sinceRefresh.Elapsed < RefreshInterval) return lines;
        sinceRefresh.Restart();
        var result = new List<string>(8);
        if (lastStep is { } s)
        {
            result.Add($"epoch {s.Progress.Epoch + 1} step {s.Progress.GlobalStep:N0}");
            result.Add($"ELBO {s.Step.Elbo:F1}" + (testElbo is { } t ? $" (test {t:F1})" : ""));
            result.Add($"{s.SamplesPerSecond:F0} samples/s");
        }
        result.Add(training());
        result.Add($"{framesPerSecond:F0} fps");
        result.Add(animation());
        result.Add(device);
        if (notice is not null && sinceNotice.Elapsed < NoticeDuration) result.Add(notice);
        return lines = result;
    }
}
