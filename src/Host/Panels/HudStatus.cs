using LvaeLive.Host.Loop;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Panels;

/// <summary>
/// The HUD's lines: training progress and speed, frame rate, device, animation state. Rebuilt a few times a second
/// rather than every frame, since nobody reads faster and every rebuild makes strings. Its time is the frame loop's
/// (<see cref="FrameTime.Now"/>), never the machine's: on a frame clock, the same frames get the same lines.
/// </summary>
internal sealed class HudStatus
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan NoticeDuration = TimeSpan.FromSeconds(6);

    private readonly string _device;
    private IReadOnlyList<string> _lines = [];
    private TimeSpan? _refreshedAt; // Null: the lines are rebuilt at the next frame.
    private TrainingEvent.Stepped? _lastStep;
    private double? _testElbo;
    private int? _epochsDone; // A shown run's epochs, from its metrics log.
    private (string Message, TimeSpan At)? _notice;

    public HudStatus(string device) => _device = device;

    /// <summary>In a race, the model's name: its progress then takes one line, led by the name, so that two fit.</summary>
    public string? ModelName { get; init; }

    /// <summary>A run's history so far (its metrics log): a shown checkpoint's epochs and test ELBO, until training steps.</summary>
    public void Load(IEnumerable<MetricsEntry> history)
    {
        // The log's test entries carry the number of epochs done (its step entries the epoch under way).
        foreach (var entry in history)
        {
            if (entry.TestElbo is { } test) (_epochsDone, _testElbo) = (entry.Epoch, test);
        }
    }

    /// <param name="now">The loop's time when the event reached the view.</param>
    public void Add(TrainingEvent trainingEvent, TimeSpan now)
    {
        switch (trainingEvent)
        {
            case TrainingEvent.Stepped stepped:
                _lastStep = stepped;
                break;
            case TrainingEvent.EpochEnded ended:
                _testElbo = ended.Test.Elbo;
                break;
            case TrainingEvent.Notice n:
                ShowNotice(n.Message, now);
                break;
        }
    }

    /// <summary>Shows <paramref name="message"/> from the next frame on, for a few seconds of the loop's time from <paramref name="now"/>.</summary>
    public void ShowNotice(string message, TimeSpan now)
    {
        _notice = (message, now);
        _refreshedAt = null;
    }

    /// <param name="training">Describes training: running, paused, NaN (showing the last good weights), finished or none.</param>
    /// <param name="animation">Describes the animation's state; both are asked only when the lines are rebuilt.</param>
    public IReadOnlyList<string> Lines(TimeSpan now, Func<string> training, double framesPerSecond, Func<string> animation)
    {
        if (now - _refreshedAt < RefreshInterval) return _lines;
        _refreshedAt = now;
        var result = new List<string>(8);
        if (ModelName is not null)
        {
            result.Add(_lastStep is { } step
                ? $"{ModelName}: epoch {step.Progress.Epoch + 1}, test ELBO {TestElbo}, {step.SamplesPerSecond:F0}/s"
                : _epochsDone is { } epochs ? $"{ModelName}: {epochs} epochs, test ELBO {TestElbo}" : ModelName);
        }
        else if (_lastStep is { } s)
        {
            result.Add($"epoch {s.Progress.Epoch + 1} step {s.Progress.GlobalStep:N0}");
            result.Add($"ELBO {s.Step.Elbo:F1}" + (_testElbo is { } t ? $" (test {t:F1})" : "") + (s.Step.Beta < 1 ? $" beta {s.Step.Beta:F2}" : ""));
            result.Add($"{s.SamplesPerSecond:F0} samples/s");
        }
        else if (_epochsDone is { } epochs)
        {
            result.Add($"{epochs} epochs, test ELBO {TestElbo}");
        }
        result.Add(training());
        result.Add($"{framesPerSecond:F0} fps");
        result.Add(animation());
        result.Add(_device);
        if (_notice is { } shown && now - shown.At < NoticeDuration) result.Add(shown.Message);
        return _lines = result;
    }

    private string TestElbo => _testElbo is { } test ? $"{test:F1}" : "-";
}
