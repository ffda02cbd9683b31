using LvaeLive.Host.Live;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;

namespace LvaeLive.Host.Talks;

/// <summary>
/// Plays a talk on a live scene: going to a step applies what it sets (mode, layer, tile, speed, temperature,
/// training) and moves the selected tile to its point in noise space. Live, the presenter steps through it; recorded,
/// each step holds for its hold time on the loop's clock, so the same talk gives the same frames.
/// </summary>
internal sealed class TalkPlayer
{
    private readonly Talk _talk;
    private readonly PointResolver _points;
    private readonly BookmarkShelf _bookmarks;
    private readonly NoiseGrid _target;
    private bool _stepStarting;
    private TimeSpan _stepStartedAt;

    /// <param name="automatic">Whether steps follow each other by their hold times (recording) rather than by keys.</param>
    public TalkPlayer(Talk talk, PointResolver points, BookmarkShelf bookmarks, int[] sizes, bool automatic)
    {
        _talk = talk;
        _points = points;
        _bookmarks = bookmarks;
        _target = new NoiseGrid(sizes, 1);
        Automatic = automatic;
    }

    public bool Automatic { get; }
    /// <summary>The step shown (0-based), or -1 before the first.</summary>
    public int Index { get; private set; } = -1;
    public int Count => _talk.Steps.Count;
    public TalkStep? Current => Index < 0 ? null : _talk.Steps[Index];
    public string Position => $"step {Index + 1}/{Count}";
    public int CaptionLines => _talk.CaptionLines;

    /// <summary>
    /// Goes to step <paramref name="index"/> (kept within the talk) and applies it as the steps up to it leave the view,
    /// so that a step looks the same whether reached forwards or backwards; false when already there.
    /// </summary>
    public bool GoTo(int index, LiveScene scene, LiveTraining? training)
    {
        index = Math.Clamp(index, 0, Count - 1);
        if (index == Index) return false;
        Index = index;
        Apply(Effective(index), scene, training);
        _stepStarting = true;
        return true;
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
            Mode = Last(s => s.Mode, ViewState.InitialMode),
            Columns = Last(s => s.Columns, ViewState.InitialColumns),
            Layer = Last(s => s.Layer, ViewState.InitialLayer),
            Tile = Last(s => s.Tile, ViewState.InitialTile),
            Speed = Last(s => s.Speed, AnimationSettings.Speed.Default),
            Temperature = Last(s => s.Temperature, AnimationSettings.Temperature.Default),
            Panels = Last(s => s.Panels, ViewState.InitialPanels),
            Training = steps.Select(s => s.Training).LastOrDefault(v => v is not null),
            Point = Enumerable.Range(0, steps[^1].Point.Length)
                .Select(layer => steps.Select(s => s.Point[layer]).LastOrDefault(source => source is not null))
                .ToArray(),
        };
    }

    /// <summary>
    /// Notes the loop's time at the start of each step and, when <see cref="Automatic"/>, moves on once the step has
    /// held; true when it moved on.
    /// </summary>
    public bool Follow(TimeSpan now, LiveScene scene, LiveTraining? training)
    {
        if (_stepStarting)
        {
            (_stepStarting, _stepStartedAt) = (false, now);
            return false;
        }
        return Automatic && Current is { } step && Index < Count - 1 && (now - _stepStartedAt).TotalSeconds >= step.Hold
            && GoTo(Index + 1, scene, training);
    }

    private void Apply(TalkStep step, LiveScene scene, LiveTraining? training)
    {
        var view = scene.View;
        if (step.Mode is { } mode && mode != view.Mode)
            scene.ToggleMode(mode == GridMode.Walk ? view.Mode : mode);
        if (step.Columns is { } columns && columns != view.ExplorerColumns) view.ToggleExplorerColumns();
        if (step.Layer is { } layer) scene.SelectLayer(layer + 1);
        if (step.Tile is { } tile) scene.SelectTileAt(tile);
        if (step.Speed is { } speed) scene.Clock.SetSpeed(speed);
        if (step.Temperature is { } temperature) scene.Temperature = temperature;
        if (step.Panels is { } panels) view.Panels = panels;
        if (step.Training is { } train) training?.SetPaused(!train);
        var layers = step.Point.Select(source => source is not null).ToArray();
        if (!layers.Any(set => set)) return;
        for (var i = 0; i < layers.Length; i++)
            if (step.Point[i] is { } source) _points.Resolve(source, i, _target.Of(i, 0), _bookmarks);
        scene.MovePoint(_target, layers, step.Transition, step.Easing);
    }
}
