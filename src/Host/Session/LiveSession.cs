using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Panels;
using LvaeLive.Host.Scene;
using LvaeLive.Host.Talks;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;
using LvaeLive.Model.Scene;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Session;

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
    private readonly Func<string> _trainingState;
    private readonly Func<string> _animationState;
    /// <summary>A recalled bookmark is reached in this long: quick, but seen to travel.</summary>
    private const double RecallSeconds = 0.5;
    private static readonly uint Black = Palette.Rgba(0, 0, 0);
    private static readonly uint White = Palette.Rgba(255, 255, 255);

    private readonly BookmarkShelf _bookmarks;
    private readonly TalkPlayer? _talk;
    private readonly PresenterView? _presenter;
    private LatentMap? _shownMap;
    // A key's complaint, shown on the HUD from the next frame (keys arrive between frames, without the loop's time).
    private string? _pendingNotice;

    public LiveSession(LiveScene scene, LiveTraining? training, string device, Action<string> stateLog, LatentMap? fixedMap,
        IEnumerable<MetricsEntry> history, BookmarkShelf bookmarks, TalkPlayer? talk, string? modelName = null)
    {
        _scene = scene;
        _bookmarks = bookmarks;
        _talk = talk;
        _training = training;
        _stateLog = stateLog;
        _curves = new TrainingCurves(scene.Latent.Depth);
        _curves.Load(history);
        _hud = new HudStatus(device) { ModelName = modelName };
        _hud.Load(history);
        _keys = new KeyProfiles(scene.Latent.Depth, talk: talk is not null);
        _trainingState = TrainingState;
        _animationState = AnimationState;
        _pointer = new PointerControl(scene);
        if (fixedMap is not null) ShowMap(fixedMap);
        Frame = new CanvasFrame();
        _talk?.Start(0, scene.Latent, View, training);
        _presenter = talk is null ? null : new PresenterView(talk);
    }

    /// <summary>The canvas record, filled again by every <see cref="Advance"/>.</summary>
    public CanvasFrame Frame { get; }

    public LiveScene Scene => _scene;

    /// <summary>What the keys change around the scene: help, HUD, panels, blank.</summary>
    public ViewState View { get; } = new();

    public HudStatus Hud => _hud;

    /// <summary>The curves' data: the race sets both models' per-layer figures side by side.</summary>
    public TrainingCurves Curves => _curves;

    /// <summary>The talk it plays, if any.</summary>
    public TalkPlayer? Talk => _talk;

    /// <summary>The presenter view's frame while a talk plays (null without one), filled by every <see cref="Advance"/>.</summary>
    public CanvasFrame? PresenterFrame => _presenter?.Frame;

    /// <summary>Applies a key's command to the view; returns what the frame loop itself must do.</summary>
    public LoopRequest Apply(LiveInput input)
    {
        var scene = _scene.Latent;
        if (input.Command is not (ViewAction.TypeStepDigit or ViewAction.GoToTypedStep)) _typedStep = null;
        switch (input.Command)
        {
            case ViewAction.ToggleHelp: View.ToggleHelp(); break;
            case ViewAction.ToggleKeys when !_keys.Toggle():
                _pendingNotice = "no talk: the presenting keys come with --talk FILE.toml";
                return LoopRequest.None;
            case ViewAction.ToggleKeys: break;
            case ViewAction.NextTile: scene.SelectTile(+1); break;
            case ViewAction.PreviousTile: scene.SelectTile(-1); break;
            case ViewAction.SelectLayer when !scene.SelectLayer(input.Layer):
                _pendingNotice = $"no layer {input.Layer}: this model has layers 1 to {scene.Depth}";
                return LoopRequest.None;
            case ViewAction.SelectLayer: break;
            case ViewAction.Nudge:
                if (input.Axis1 != 0) scene.Nudge(0, input.Axis1);
                if (input.Axis2 != 0) scene.Nudge(1, input.Axis2);
                break;
            case ViewAction.ToggleFreeze: scene.Clock.ToggleFrozen(scene.SelectedLayer); break;
            case ViewAction.SpeedUp: scene.Clock.ChangeSpeed(faster: true); break;
            case ViewAction.SlowDown: scene.Clock.ChangeSpeed(faster: false); break;
            case ViewAction.ToggleAnimationPause: scene.Clock.Paused = !scene.Clock.Paused; break;
            case ViewAction.ToggleTrainingPause: _training?.SetPaused(!_training.Paused); break;
            case ViewAction.ToggleHud: View.ToggleHud(); break;
            case ViewAction.ToggleMode: scene.ToggleMode(input.Mode); break;
            case ViewAction.ToggleExplorerColumns: scene.ToggleExplorerColumns(); break;
            case ViewAction.NextStep or ViewAction.PreviousStep or ViewAction.FirstStep or ViewAction.LastStep or ViewAction.TypeStepDigit
                or ViewAction.GoToTypedStep or ViewAction.StartTalk or ViewAction.ResumeTalk:
                if (!Present(input)) return LoopRequest.None;
                break;
            case ViewAction.ToggleBlank: View.ToggleBlank(BlankScreen.Black); break;
            case ViewAction.ToggleWhite: View.ToggleBlank(BlankScreen.White); break;
            case ViewAction.SaveBookmark: _pendingNotice = _bookmarks.Save(scene.SelectedPoint()).Notice; break;
            case ViewAction.RecallBookmark: _pendingNotice = Recall(); break;
            case ViewAction.ReleaseHold when !scene.ReleaseHold():
                _pendingNotice = "no tile is held: a talk's point, a drag or a loaded digit holds one";
                return LoopRequest.None;
            case ViewAction.ReleaseHold: break;
            case ViewAction.ToggleRecording: return LoopRequest.ToggleRecording;
            case ViewAction.Screenshot: return LoopRequest.Screenshot;
            case ViewAction.ToggleFullscreen: return LoopRequest.ToggleFullscreen;
            case ViewAction.LeaveFullscreen: return LoopRequest.LeaveFullscreen;
            case ViewAction.Quit when _presenter is not null && !_quit.Confirms(_now):
                // For the presenter's eyes: the presenter view, and the terminal; never the audience's canvas.
                var ask = $"the talk is on: Q again within {QuitConfirmation.Window.TotalSeconds:0} s saves a checkpoint and quits";
                _presenter.Say(ask, _now + QuitConfirmation.Window);
                _stateLog($"lvae: {ask}");
                return LoopRequest.None;
            case ViewAction.Quit: return LoopRequest.Quit;
        }
        LogState();
        return LoopRequest.None;
    }

    public void LogState()
    {
        var clock = _scene.Latent.Clock;
        _stateLog($"state: {View.Describe(_scene.Latent)} animation={(clock.Paused ? "paused" : "running")} speed={clock.Speed:0.###} " +
            $"frozen={FrozenLayers(",", "none")} held={_scene.Latent.HeldTile?.ToString() ?? "none"} training={TrainingState().Replace(' ', '-')} marker={MarkerState()}" +
            (_talk is null ? "" : $" keys={_keys.Active.Profile.ToString().ToLowerInvariant()} talk={_talk.Index + 1}/{_talk.Count}") +
            (_talk is { Advances: true } ? $" advance={(_talk.Paused ? "paused" : "auto")}" : ""));
    }

    /// <summary>Moves the selected tile to the next bookmark; says which, or that there is none.</summary>
    private string Recall()
    {
        if (_bookmarks.Next() is not { } bookmark) return "no bookmarks yet: M bookmarks the selected point";
        var everyLayer = Enumerable.Repeat<PointSource?>(new PointSource.Bookmarked(bookmark.Name), bookmark.Layers.Length).ToArray();
        _scene.Latent.MovePoint(everyLayer, _bookmarks, RecallSeconds, Easing.Smooth);
        return $"recalled bookmark {bookmark.Name}";
    }

    /// <summary>Advances to the frame at <paramref name="time"/> on the loop's clock and fills <see cref="Frame"/>.</summary>
    public void Advance(FrameTime time)
    {
        _now = time.Now;
        if (_training is not null) PullTraining(_training, time.Now);
        if (_talk?.Follow(time.Now, _scene.Latent, View, _training) == true) LogState();
        _presenter?.Update(time);
        if (_pendingNotice is { } notice)
        {
            _hud.ShowNotice(notice, time.Now);
            _pendingNotice = null;
        }
        _scene.Update(time, Frame.Scene);
        LogMovedMarker();
        var chrome = Frame.Chrome;
        chrome.Plots = _curves.Plots;
        chrome.ShowHelp = View.ShowHelp;
        chrome.Help = _keys.Active.HelpOverlay;
        var hudLines = _hud.Lines(time.Now, _trainingState, time.FramesPerSecond, _animationState);
        chrome.Hud = View.ShowHud ? hudLines : [];
        chrome.Footer = View.ShowHud ? _keys.Active.FooterHints : "";
        chrome.Clean = !View.ShowHud;
        chrome.Caption = _talk?.Current?.Caption ?? [];
        chrome.Blank = View.Blank != BlankScreen.Off;
        chrome.BlankColour = View.Blank == BlankScreen.White ? White : Black;
        chrome.Panels = View.Panels;
        chrome.CaptionLines = _talk?.CaptionLines ?? 0;
    }

    private void PullTraining(LiveTraining live, TimeSpan now)
    {
        live.ThrowIfFailed();
        while (live.TryNextEvent(out var e))
        {
            _hud.Add(e, now);
            if (e is TrainingEvent.Stepped stepped) _curves.Add(stepped);
        }
        if (live.TakeNewestWeights() is { } weights) _scene.Latent.LoadWeights(weights);
        if (live.Map is { } map && !ReferenceEquals(map, _shownMap)) ShowMap(map);
    }

    private void ShowMap(LatentMap map)
    {
        _shownMap = map;
        _scene.Latent.Map = map;
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
        var clock = _scene.Latent.Clock;
        var state = clock.Paused ? "animation paused" : $"animation x{clock.Speed:0.###}";
        var frozen = FrozenLayers(" ", "");
        if (frozen.Length > 0) state = $"{state}, frozen L{frozen}";
        return _talk is null ? state : $"{_talk.Position}{(_talk.Paused ? " (held: F5 / Shift+F5 go on)" : "")}, {state}";
    }

    private string FrozenLayers(string separator, string none)
    {
        var frozen = Enumerable.Range(0, _scene.Latent.Depth).Where(_scene.Latent.Clock.IsFrozen).Select(i => (i + 1).ToString()).ToArray();
        return frozen.Length == 0 ? none : string.Join(separator, frozen);
    }
}
