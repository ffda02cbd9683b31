using LvaeLive.Host.Input;
using LvaeLive.Host.Talks;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// One live session, whatever it is drawn into: takes keys, pulls what the training thread published (weights,
/// events, maps) without waiting for it, advances the scene and fills the canvas record. Each change of the view's
/// state is written to the state log as one line, for users and tests to follow.
/// </summary>
internal sealed partial class LiveSession : ILiveView
{
    private readonly LiveScene _scene;
    private readonly LiveTraining? _training;
    private readonly TrainingCurves _curves;
    private readonly HudStatus _hud;
    private readonly Action<string> _stateLog;
    private readonly IReadOnlyList<string> _help;
    private readonly string _footer;
    private readonly Func<string> _trainingState;
    private readonly Func<string> _animationState;
    /// <summary>A recalled bookmark is reached in this long: quick, but seen to travel.</summary>
    private const double RecallSeconds = 0.5;

    private readonly BookmarkShelf _bookmarks;
    private readonly TalkPlayer? _talk;
    private LatentMap? _shownMap;
    // A key's complaint, shown on the HUD from the next frame (keys arrive between frames, without the loop's time).
    private string? _pendingNotice;

    public LiveSession(LiveScene scene, LiveTraining? training, KeyMap keys, string device, Action<string> stateLog, LatentMap? fixedMap,
        IEnumerable<MetricsEntry> history, BookmarkShelf bookmarks, TalkPlayer? talk, string? modelName = null)
    {
        _scene = scene;
        _bookmarks = bookmarks;
        _talk = talk;
        _training = training;
        _stateLog = stateLog;
        _curves = new TrainingCurves(scene.View.Layers);
        _curves.Load(history);
        _hud = new HudStatus(device) { ModelName = modelName };
        _hud.Load(history);
        var keyWidth = keys.HelpLines.Max(line => line.Keys.Length) + 2;
        _help = keys.HelpLines.Select(line => line.Keys.PadRight(keyWidth) + line.Description).ToArray();
        _footer = keys.FooterHints;
        _trainingState = TrainingState;
        _animationState = AnimationState;
        _pointer = new PointerControl(scene);
        if (fixedMap is not null) ShowMap(fixedMap);
        Frame = new CanvasFrame { Title = "LvaeLive", Help = _help, Footer = _footer };
        _talk?.GoTo(0, scene, training);
    }

    /// <summary>The canvas record, filled again by every <see cref="Advance"/>.</summary>
    public CanvasFrame Frame { get; }

    public LiveScene Scene => _scene;

    public HudStatus Hud => _hud;

    /// <summary>Applies a key's command to the view; returns what the frame loop itself must do.</summary>
    public LoopRequest Apply(LiveInput input)
    {
        var view = _scene.View;
        switch (input.Command)
        {
            case ViewAction.ToggleHelp: view.ToggleHelp(); break;
            case ViewAction.NextTile: _scene.SelectTile(+1); break;
            case ViewAction.PreviousTile: _scene.SelectTile(-1); break;
            case ViewAction.SelectLayer when !_scene.SelectLayer(input.Layer):
                _pendingNotice = $"no layer {input.Layer}: this model has layers 1 to {view.Layers}";
                return LoopRequest.None;
            case ViewAction.SelectLayer: break;
            case ViewAction.Nudge:
                if (input.Axis1 != 0) _scene.Nudge(0, input.Axis1);
                if (input.Axis2 != 0) _scene.Nudge(1, input.Axis2);
                break;
            case ViewAction.ToggleFreeze: _scene.Clock.ToggleFrozen(view.SelectedLayer); break;
            case ViewAction.SpeedUp: _scene.Clock.ChangeSpeed(faster: true); break;
            case ViewAction.SlowDown: _scene.Clock.ChangeSpeed(faster: false); break;
            case ViewAction.ToggleAnimationPause: _scene.Clock.Paused = !_scene.Clock.Paused; break;
            case ViewAction.ToggleTrainingPause: _training?.SetPaused(!_training.Paused); break;
            case ViewAction.ToggleHud: view.ToggleHud(); break;
            case ViewAction.Interpolate: _scene.ToggleMode(GridMode.Interpolation); break;
            case ViewAction.InterpolateAllLayers: _scene.ToggleMode(GridMode.InterpolationAll); break;
            case ViewAction.StyleSwap: _scene.ToggleMode(GridMode.StyleSwap); break;
            case ViewAction.Explore: _scene.ToggleMode(GridMode.Explorer); break;
            case ViewAction.ToggleExplorerColumns: view.ToggleExplorerColumns(); break;
            case ViewAction.NextStep when _talk?.GoTo(_talk.Index + 1, _scene, _training) != true:
            case ViewAction.PreviousStep when _talk?.GoTo(_talk.Index - 1, _scene, _training) != true:
                _pendingNotice = _talk is null ? "no talk: start with --talk FILE.toml" : $"{_talk.Position}: the talk has no step that way";
                return LoopRequest.None;
            case ViewAction.NextStep or ViewAction.PreviousStep: break;
            case ViewAction.ToggleBlank: view.ToggleBlank(); break;
            case ViewAction.SaveBookmark: _pendingNotice = $"bookmarked the selected point as {_bookmarks.Save(_scene.SelectedPoint())}"; break;
            case ViewAction.RecallBookmark: _pendingNotice = Recall(); break;
            case ViewAction.ToggleRecording: return LoopRequest.ToggleRecording;
            case ViewAction.Screenshot: return LoopRequest.Screenshot;
            case ViewAction.ToggleFullscreen: return LoopRequest.ToggleFullscreen;
            case ViewAction.Quit: return LoopRequest.Quit;
        }
        LogState();
        return LoopRequest.None;
    }

    public void LogState()
    {
        var clock = _scene.Clock;
        _stateLog($"state: {_scene.View.Describe()} animation={(clock.Paused ? "paused" : "running")} speed={clock.Speed:0.###} " +
            $"frozen={FrozenLayers(",", "none")} training={TrainingState().Replace(' ', '-')} marker={MarkerState()}" +
            (_talk is null ? "" : $" talk={_talk.Index + 1}/{_talk.Count}"));
    }

    /// <summary>Moves the selected tile to the next bookmark; says which, or that there is none.</summary>
    private string Recall()
    {
        if (_bookmarks.Next() is not { } bookmark) return "no bookmarks yet: M bookmarks the selected point";
        var point = new NoiseGrid(bookmark.Layers.Select(layer => layer.Length).ToArray(), 1);
        for (var layer = 0; layer < bookmark.Layers.Length; layer++) bookmark.Layers[layer].CopyTo(point.Of(layer, 0));
        _scene.MovePoint(point, Enumerable.Repeat(true, bookmark.Layers.Length).ToArray(), RecallSeconds, Easing.Smooth);
        return $"recalled bookmark {bookmark.Name}";
    }

    /// <summary>Advances to the frame at <paramref name="time"/> on the loop's clock and fills <see cref="Frame"/>.</summary>
    public void Advance(FrameTime time)
    {
        if (_training is not null) PullTraining(_training, time.Now);
        if (_talk?.Follow(time.Now, _scene, _training) == true) LogState();
        if (_pendingNotice is { } notice)
        {
            _hud.ShowNotice(notice, time.Now);
            _pendingNotice = null;
        }
        _scene.Update(time);
        _scene.Fill(Frame);
        LogMovedMarker();
        Frame.Plots = _curves.Plots;
        Frame.ShowHelp = _scene.View.ShowHelp;
        var hudLines = _hud.Lines(time.Now, _trainingState, time.FramesPerSecond, _animationState);
        Frame.Hud = _scene.View.ShowHud ? hudLines : [];
        Frame.Footer = _scene.View.ShowHud ? _footer : "";
        Frame.Caption = _talk?.Current?.Caption ?? [];
        Frame.Blank = _scene.View.Blank;
        Frame.Panels = _scene.View.Panels;
        Frame.CaptionLines = _talk?.CaptionLines ?? 0;
    }

    private void PullTraining(LiveTraining live, TimeSpan now)
    {
        live.ThrowIfFailed();
        while (live.TryNextEvent(out var e))
        {
            _hud.Add(e, now);
            if (e is TrainingEvent.Stepped stepped) _curves.Add(stepped);
        }
        if (live.TakeNewestWeights() is { } weights) _scene.LoadWeights(weights);
        if (live.Map is { } map && !ReferenceEquals(map, _shownMap)) ShowMap(map);
    }

    private void ShowMap(LatentMap map)
    {
        _shownMap = map;
        _scene.Map = map;
        _curves.Add(map);
    }

    private string TrainingState() => _training switch
    {
        null => "not training",
        { Finished: true } => "training finished",
        { Paused: true } => "training paused",
        { LastStepSkipped: true } => "NaN: showing the last good weights",
        _ => "training",
    };

    private string AnimationState()
    {
        var clock = _scene.Clock;
        var state = clock.Paused ? "animation paused" : $"animation x{clock.Speed:0.###}";
        var frozen = FrozenLayers(" ", "");
        if (frozen.Length > 0) state = $"{state}, frozen L{frozen}";
        return _talk is null ? state : $"{_talk.Position}, {state}";
    }

    private string FrozenLayers(string separator, string none)
    {
        var frozen = Enumerable.Range(0, _scene.View.Layers).Where(_scene.Clock.IsFrozen).Select(i => (i + 1).ToString()).ToArray();
        return frozen.Length == 0 ? none : string.Join(separator, frozen);
    }
}
