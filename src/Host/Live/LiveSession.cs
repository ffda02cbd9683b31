using LvaeLive.Host.Input;
using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// One live session, whatever it is drawn into: takes keys, pulls what the training thread published (weights,
/// events, maps) without waiting for it, advances the scene and fills the canvas record. Each change of the view's
/// state is written to the state log as one line, for users and tests to follow.
/// </summary>
internal sealed class LiveSession
{
    private readonly LiveScene scene;
    private readonly LiveTraining? training;
    private readonly TrainingCurves curves;
    private readonly HudStatus hud;
    private readonly Action<string> stateLog;
    private readonly IReadOnlyList<string> help;
    private readonly string footer;
    private readonly Func<string> trainingState;
    private readonly Func<string> animationState;
    private LatentMap? shownMap;

    public LiveSession(LiveScene scene, LiveTraining? training, KeyMap keys, string device, Action<string> stateLog, LatentMap? fixedMap, IEnumerable<MetricsEntry> history)
    {
        this.scene = scene;
        this.training = training;
        this.stateLog = stateLog;
        curves = new TrainingCurves(scene.View.Layers);
        curves.Load(history);
        hud = new HudStatus(device);
        var keyWidth = keys.HelpLines.Max(line => line.Keys.Length) + 2;
        help = keys.HelpLines.Select(line => line.Keys.PadRight(keyWidth) + line.Description).ToArray();
        footer = keys.FooterHints;
        trainingState = TrainingState;
        animationState = AnimationState;
        if (fixedMap is not null) ShowMap(fixedMap);
        Frame = new CanvasFrame { Title = "LvaeLive", Help = help, Footer = footer };
    }

    /// <summary>The canvas record, filled again by every <see cref="Advance"/>.</summary>
    public CanvasFrame Frame { get; }

    public LiveScene Scene => scene;

    public HudStatus Hud => hud;

    /// <summary>Applies a key's command to the view; returns what the frame loop itself must do.</summary>
    public LoopRequest Apply(LiveInput input)
    {
        var view = scene.View;
        switch (input.Command)
        {
            case ViewAction.ToggleHelp: view.ToggleHelp(); break;
            case ViewAction.NextTile: scene.SelectTile(+1); break;
            case ViewAction.PreviousTile: scene.SelectTile(-1); break;
            case ViewAction.SelectLayer when !scene.SelectLayer(input.Layer): return LoopRequest.None;
            case ViewAction.SelectLayer: break;
            case ViewAction.Nudge:
                if (input.Axis1 != 0) scene.Nudge(0, input.Axis1);
                if (input.Axis2 != 0) scene.Nudge(1, input.Axis2);
                break;
            case ViewAction.ToggleFreeze: scene.Clock.ToggleFrozen(view.SelectedLayer); break;
            case ViewAction.SpeedUp: scene.Clock.ChangeSpeed(faster: true); break;
            case ViewAction.SlowDown: scene.Clock.ChangeSpeed(faster: false); break;
            case ViewAction.ToggleAnimationPause: scene.Clock.Paused = !scene.Clock.Paused; break;
            case ViewAction.ToggleTrainingPause: training?.SetPaused(!training.Paused); break;
            case ViewAction.ToggleHud: view.ToggleHud(); break;
            case ViewAction.Interpolate: view.ToggleMode(GridMode.Interpolation); break;
            case ViewAction.StyleSwap: view.ToggleMode(GridMode.StyleSwap); break;
            case ViewAction.ToggleRecording: return LoopRequest.ToggleRecording;
            case ViewAction.Screenshot: return LoopRequest.Screenshot;
            case ViewAction.Quit: return LoopRequest.Quit;
        }
        LogState();
        return LoopRequest.None;
    }

    public void LogState()
    {
        var clock = scene.Clock;
        stateLog($"state: {scene.View.Describe()} animation={(clock.Paused ? "paused" : "running")} speed={clock.Speed:0.###} " +
            $"frozen={FrozenLayers(",", "none")} training={TrainingState().Replace(' ', '-')}");
    }

    /// <summary>Advances to the frame at <paramref name="time"/> on the loop's clock and fills <see cref="Frame"/>.</summary>
    public void Advance(FrameTime time)
    {
        if (training is not null) PullTraining(training, time.Now);
        scene.Update(time);
        scene.Fill(Frame);
        Frame.Plots = curves.Plots;
        Frame.ShowHelp = scene.View.ShowHelp;
        var hudLines = hud.Lines(time.Now, trainingState, time.FramesPerSecond, animationState);
        Frame.Hud = scene.View.ShowHud ? hudLines : [];
        Frame.Footer = scene.View.ShowHud ? footer : "";
    }

    private void PullTraining(LiveTraining live, TimeSpan now)
    {
        live.ThrowIfFailed();
        while (live.TryNextEvent(out var e))
        {
            hud.Add(e, now);
            if (e is TrainingEvent.Stepped stepped) curves.Add(stepped);
        }
        if (live.TakeNewestWeights() is { } weights) scene.LoadWeights(weights);
        if (live.Map is { } map && !ReferenceEquals(map, shownMap)) ShowMap(map);
    }

    private void ShowMap(LatentMap map)
    {
        shownMap = map;
        scene.Map = map;
        curves.Add(map);
    }

    private string TrainingState() => training switch
    {
        null => "not training",
        { Finished: true } => "training finished",
        { Paused: true } => "training paused",
        { LastStepSkipped: true } => "NaN: showing the last good weights",
        _ => "training",
    };

    private string AnimationState()
    {
        var clock = scene.Clock;
        var state = clock.Paused ? "animation paused" : $"animation x{clock.Speed:0.###}";
        var frozen = FrozenLayers(" ", "");
        return frozen.Length == 0 ? state : $"{state}, frozen L{frozen}";
    }

    private string FrozenLayers(string separator, string none)
    {
        var frozen = Enumerable.Range(0, scene.View.Layers).Where(scene.Clock.IsFrozen).Select(i => (i + 1).ToString()).ToArray();
        return frozen.Length == 0 ? none : string.Join(separator, frozen);
    }
}
