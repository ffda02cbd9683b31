using System.Globalization;
using LvaeLive.Host.Loop;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Talks;

/// <summary>
/// Fills the presenter view's frame from the talk's position and the loop's clock: this step's notes, the next step's
/// caption, every step with the current one marked, the time since the show began, the time of day, the step's pacing
/// against its `minutes`, and the presenter's notices. It follows the talk whichever way it moved. Its frame goes to
/// the presenter's window alone: nothing of it reaches the audience's canvas or a recording.
/// </summary>
internal sealed class PresenterView
{
    private readonly TalkPlayer _talk;
    private readonly PresenterPart _part;
    private int _shownIndex = int.MinValue;
    private TimeSpan _stepShownAt;
    // The whole seconds of the show and of the step that the times were last written for.
    private (long Show, long Step) _shownSeconds = (-1, -1);
    private (string Text, TimeSpan Until)? _notice;

    public PresenterView(TalkPlayer talk)
    {
        _talk = talk;
        _part = new PresenterPart
        {
            Steps = talk.Steps.Select((step, index) => $"{index + 1,2}  {(step.Caption.Count > 0 ? step.Caption[0] : "(no caption)")}").ToArray(),
        };
        Frame = new CanvasFrame { Presenter = _part };
    }

    /// <summary>The presenter view's frame, filled again by every <see cref="Update"/>.</summary>
    public CanvasFrame Frame { get; }

    /// <summary>What the presenter view shows (the frame's presenter part).</summary>
    public PresenterPart Part => _part;

    /// <summary>Shows <paramref name="notice"/> to the presenter alone, until <paramref name="until"/> on the loop's clock.</summary>
    public void Say(string notice, TimeSpan until) => _notice = (notice, until);

    /// <summary>Follows the talk to the frame at <paramref name="time"/>; the times are written again when a second of the show or of the step has passed.</summary>
    public void Update(FrameTime time)
    {
        if (_talk.Index != _shownIndex)
        {
            (_shownIndex, _stepShownAt) = (_talk.Index, time.Now);
            var step = _talk.Current;
            _part.Position = _talk.Position;
            _part.Current = _talk.Index;
            _part.Notes = step?.Notes ?? [];
            var next = _talk.Next is { } n ? _talk.Steps[n] : null;
            _part.NextCaption = next?.Caption ?? [];
            _part.NextNote = next is null ? "the last step: nothing follows" : $"step {_talk.Next + 1} has no caption";
            _shownSeconds = (-1, -1);
        }
        _part.Notice = _notice is { } notice && time.Now <= notice.Until ? notice.Text : "";
        var spent = time.Now - _stepShownAt;
        var seconds = ((long)time.Now.TotalSeconds, (long)spent.TotalSeconds);
        if (seconds == _shownSeconds) return;
        _shownSeconds = seconds;
        _part.Elapsed = Clock(time.Now, hours: true);
        _part.Clock = time.TimeOfDay.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        if (_talk.Current?.Minutes is { } minutes)
        {
            var planned = TimeSpan.FromMinutes(minutes);
            _part.Over = spent > planned;
            _part.Pacing = _part.Over ? $"step over by {Clock(spent - planned)}" : $"step {Clock(spent)} of {Clock(planned)}";
        }
        else
        {
            (_part.Over, _part.Pacing) = (false, "");
        }
    }

    /// <summary>m:ss, or h:mm:ss when asked (the show's length can pass an hour; a step's should not).</summary>
    private static string Clock(TimeSpan t, bool hours = false) => hours
        ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
        : $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}
