using LvaeLive.Host.Scene;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;
using LvaeLive.Model.Scene;

namespace LvaeLive.Host.Talks;

/// <summary>
/// Plays a talk on a live scene: going to a step applies what it sets (mode, layer, tile, speed, temperature,
/// training) and moves the selected tile to its point in noise space. A step moves on by itself once it has held for
/// its hold time on the loop's clock when the whole talk is automatic (recorded, or live with --auto-advance) or the
/// step says `advance = "auto"`; otherwise the presenter steps. The same talk gives the same frames on a frame clock.
/// </summary>
internal sealed class TalkPlayer
{
    private readonly Talk _talk;
    private readonly BookmarkShelf _bookmarks;
    private bool _stepStarting;
    private TimeSpan _stepStartedAt;

    /// <param name="automatic">Whether every step moves on by its hold time (recording, --auto-advance), not only those that say so.</param>
    /// <param name="loop">Whether step 1 follows the last (a booth's talk, --loop).</param>
    public TalkPlayer(Talk talk, BookmarkShelf bookmarks, bool automatic, bool loop = false)
    {
        _talk = talk;
        _bookmarks = bookmarks;
        Automatic = automatic;
        Loop = loop;
    }

    public bool Automatic { get; }
    public bool Loop { get; }
    /// <summary>Whether any step moves on by itself: only then is there an auto-advance to pause.</summary>
    public bool Advances => Automatic || _talk.Steps.Any(step => step.AutoAdvance);
    /// <summary>Whether a presenter's key has stopped the auto-advance: the step shown stays until F5 or Shift+F5 resumes it.</summary>
    public bool Paused { get; private set; }
    /// <summary>The step after the one shown: the first after the last when the talk loops; null after the last otherwise.</summary>
    public int? Next => Index < Count - 1 ? Index + 1 : Loop ? 0 : null;
    /// <summary>The step shown (0-based), or -1 before the first.</summary>
    public int Index { get; private set; } = -1;
    public int Count => _talk.Steps.Count;
    public IReadOnlyList<TalkStep> Steps => _talk.Steps;
    public TalkStep? Current => Index < 0 ? null : _talk.Steps[Index];
    public string Position => $"step {Index + 1}/{Count}";
    public int CaptionLines => _talk.CaptionLines;

    /// <summary>
    /// The presenter's move: goes to step <paramref name="index"/> (kept within the talk), applied as the steps up to it
    /// leave the view, so that a step looks the same whether reached forwards or backwards, and pauses the auto-advance;
    /// false when already there.
    /// </summary>
    public bool GoTo(int index, LatentScene scene, ViewState view, LiveTraining? training)
    {
        index = Math.Clamp(index, 0, Count - 1);
        if (index == Index) return false;
        Show(index, scene, view, training);
        Paused = Advances;
        return true;
    }

    /// <summary>
    /// Starts the talk at step <paramref name="index"/>, applied anew even when it is the step shown, with the
    /// auto-advance running: the talk's opening, F5 and Shift+F5.
    /// </summary>
    public void Start(int index, LatentScene scene, ViewState view, LiveTraining? training)
    {
        Show(Math.Clamp(index, 0, Count - 1), scene, view, training);
        Paused = false;
    }

    private void Show(int index, LatentScene scene, ViewState view, LiveTraining? training)
    {
        Index = index;
        Apply(Effective(index), scene, view, training);
        _stepStarting = true;
    }

    /// <summary>
    /// Step <paramref name="index"/> with what it leaves unset taken from the steps before it, and from the view's
    /// defaults before any step set it (training excepted: a talk that never mentions it leaves it alone).
    /// </summary>
    private TalkStep Effective(int index)
    {
        var steps = _talk.Steps.Take(index + 1).ToArray();
        T Last<T>(Func<TalkStep, T?> pick, T fallback) where T : struct => steps.Select(pick).LastOrDefault(v => v is not null) ?? fallback;
        return steps[^1] with
        {
            Mode = Last(s => s.Mode, LatentScene.InitialMode),
            Columns = Last(s => s.Columns, LatentScene.InitialColumns),
            Layer = Last(s => s.Layer, LatentScene.InitialLayer),
            Tile = Last(s => s.Tile, LatentScene.InitialTile),
            Speed = Last(s => s.Speed, AnimationSettings.Speed.Default),
            Temperature = Last(s => s.Temperature, AnimationSettings.Temperature.Default),
            Panels = Last(s => s.Panels, ViewState.InitialPanels),
            Training = steps.Select(s => s.Training).LastOrDefault(v => v is not null),
            Walk = Last(s => s.Walk, false),
            // A talk presents: panels and caption alone, unless a step asks for the HUD.
            Hud = Last(s => s.Hud, false),
            Point = Enumerable.Range(0, steps[^1].Point.Length)
                .Select(layer => steps.Select(s => s.Point[layer]).LastOrDefault(source => source is not null))
                .ToArray(),
        };
    }

    /// <summary>
    /// Notes the loop's time of the first frame of a step that a key or the opening showed, and moves on from a step
    /// that advances by itself once it has held; true when it moved on.
    /// </summary>
    public bool Follow(TimeSpan now, LatentScene scene, ViewState view, LiveTraining? training)
    {
        if (_stepStarting)
        {
            (_stepStarting, _stepStartedAt) = (false, now);
            return false;
        }
        if (Paused || Current is not { } step || !(Automatic || step.AutoAdvance) || Next is not { } next
            || (now - _stepStartedAt).TotalSeconds < step.Hold)
            return false;
        Show(next, scene, view, training);
        // The next step starts when this one's hold ends, not at the frame that saw it end, so that frame times do not
        // add up over a talk: on a frame clock, each step gets its hold's frames, as the recording's length counts them.
        (_stepStarting, _stepStartedAt) = (false, _stepStartedAt + TimeSpan.FromSeconds(step.Hold));
        return true;
    }

    private void Apply(TalkStep step, LatentScene scene, ViewState view, LiveTraining? training)
    {
        if (step.Mode is { } mode) scene.Show(mode);
        if (step.Columns is { } columns && columns != scene.ExplorerColumns) scene.ToggleExplorerColumns();
        if (step.Layer is { } layer) scene.SelectLayer(layer + 1);
        if (step.Tile is { } tile) scene.SelectTileAt(tile);
        if (step.Speed is { } speed) scene.Clock.SetSpeed(speed);
        if (step.Temperature is { } temperature) scene.Temperature = temperature;
        if (step.Panels is { } panels) view.Panels = panels;
        if (step.Hud is { } hud) view.ShowHud = hud;
        if (step.Training is { } train) training?.SetPaused(!train);
        if (step.Point.Any(source => source is not null)) scene.MovePoint(step.Point, _bookmarks, step.Transition, step.Easing, walkUnset: step.Walk == true);
    }
}
