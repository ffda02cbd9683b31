using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Recording;
using LvaeLive.Host.Scene;
using LvaeLive.Host.Session;
using LvaeLive.Host.Talks;
using LvaeLive.Host.Tests.Live;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Window;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Talks;

/// <summary>
/// A talk presented as with a slide tool: the keys a remote sends go through the session's active key table, as the
/// window's do, and the session is driven on a frame clock.
/// </summary>
public sealed class PresentingTests : IClassFixture<TrainedRun>, IDisposable
{
    // Five steps that show the HUD, where the session's notices are drawn.
    private static readonly string FiveSteps = string.Concat(Enumerable.Range(1, 5).Select(step => $"""
        [[step]]
        caption = "step {step}"
        hud = true
        hold = 1

        """));

    private readonly TrainedRun _run;
    private readonly TemporaryFolder _folder = new();
    private readonly FrameClock _clock = new(10);
    private readonly List<string> _states = [];
    private ModelSide? _side;
    private LiveSession _session = null!;

    public PresentingTests(TrainedRun run) => _run = run;

    // Three steps held one second each; a step of its own says whether it moves on by itself.
    private static string ThreeSteps(string advance = "") => string.Concat(Enumerable.Range(1, 3).Select(step => $"""
        [[step]]
        caption = "step {step}"
        hold = 1
        {advance}

        """));

    /// <param name="automatic">--auto-advance.</param>
    /// <param name="loop">--loop.</param>
    private TalkPlayer Open(string talk = "", bool automatic = false, bool loop = false)
    {
        File.WriteAllText(_folder["talk.toml"], talk.Length == 0 ? FiveSteps : talk);
        var steps = TalkFile.Load(_folder["talk.toml"], new TalkFile.Limits(3, LatentScene.GridTiles, ModelSide.MapDigits, []));
        _side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        _session = _side.OpenSession(seed: 1, "cpu", _states.Add, talk: steps, automaticTalk: automatic, loopTalk: loop);
        Frames(1);
        return _session.Talk!;
    }

    /// <summary>A key pressed as the window reports it, mapped by the session's active table; then a frame.</summary>
    private LoopRequest Press(GlfwKey key, KeyModifiers modifiers = KeyModifiers.None)
    {
        var request = _session.Keys.Map(new KeyEvent(key, 0, KeyAction.Press, modifiers)) is { } input ? _session.Apply(input) : LoopRequest.None;
        Frames(1);
        return request;
    }

    private void Frames(int count)
    {
        for (var i = 0; i < count; i++) _session.Advance(_clock.NextFrame());
    }

    private bool HudSays(string text) => _session.Frame.Hud.Any(line => line.Contains(text));

    // Three steps with notes, each planned for 3 s.
    private static readonly string NotedSteps = string.Concat(Enumerable.Range(1, 3).Select(step => $"""
        [[step]]
        caption = "step {step}"
        notes = ["say {step}", "then {step}"]
        minutes = 0.05
        hud = true

        """));

    private PresenterPart Presenter => _session.PresenterFrame!.Presenter!;

    /// <summary>Whether the audience's frame shows <paramref name="text"/> anywhere it draws text.</summary>
    private bool AudienceSees(string text) =>
        new[] { _session.Frame.Chrome.Caption, _session.Frame.Hud, _session.Frame.Chrome.Help, [_session.Frame.Chrome.Footer, _session.Frame.Chrome.Title] }
            .Any(lines => lines.Any(line => line.Contains(text)));

    [Fact]
    public void ThePresenterViewFollowsTheTalkBothWaysAndTheAudienceNeverSeesItsNotes()
    {
        Open(NotedSteps);
        Assert.Null(_session.Frame.Presenter);
        Assert.Equal([" 1  step 1", " 2  step 2", " 3  step 3"], Presenter.Steps);
        Shows("step 1/3", 0, ["say 1", "then 1"], ["step 2"]);
        Press(GlfwKey.PageDown);
        Shows("step 2/3", 1, ["say 2", "then 2"], ["step 3"]);
        Press(GlfwKey.PageDown);
        Shows("step 3/3", 2, ["say 3", "then 3"], []);
        Assert.Equal("the last step: nothing follows", Presenter.NextNote);
        Press(GlfwKey.PageUp);
        Shows("step 2/3", 1, ["say 2", "then 2"], ["step 3"]);
        Press(GlfwKey.Home);
        Shows("step 1/3", 0, ["say 1", "then 1"], ["step 2"]);

        Assert.True(AudienceSees("step 1"));
        Assert.False(AudienceSees("say"));
    }

    private void Shows(string position, int current, string[] notes, string[] nextCaption)
    {
        Assert.Equal((position, current), (Presenter.Position, Presenter.Current));
        Assert.Equal(notes, Presenter.Notes);
        Assert.Equal(nextCaption, Presenter.NextCaption);
    }

    [Fact]
    public void ThePresenterViewPacesAStepByItsMinutesOnTheLoopsClock()
    {
        Open(NotedSteps); // frame 0, t = 0: step 1, planned for 3 s
        Frames(20);       // t = 2 s
        Assert.Equal(("0:00:02", "00:00", "step 0:02 of 0:03", false), (Presenter.Elapsed, Presenter.Clock, Presenter.Pacing, Presenter.Over));
        Frames(20);       // t = 4 s
        Assert.Equal(("0:00:04", "step over by 0:01", true), (Presenter.Elapsed, Presenter.Pacing, Presenter.Over));
        Press(GlfwKey.PageDown); // t = 4.1 s: step 2 starts its own 3 s
        Frames(10);
        Assert.Equal(("step 0:01 of 0:03", false), (Presenter.Pacing, Presenter.Over));
    }

    [Fact]
    public void ATalkWithoutMinutesHasNoPacing()
    {
        Open();
        Frames(20);
        Assert.Equal(("", false), (Presenter.Pacing, Presenter.Over));
        Assert.Equal("0:00:02", Presenter.Elapsed);
    }

    [Fact]
    public void ARecordingTakesTheAudiencesFramesAloneAndThePresenterViewIsNeverReadBack()
    {
        Open(NotedSteps);
        var (audience, presenter) = (new CapturedOutput(), new CapturedOutput());
        using var recorder = new Recorder();
        using var recording = new RecordingControl(recorder, 10, null);
        new LiveRunner(_session, audience, audience, recording, new FrameClock(10), _ => { }) { Presenter = presenter }
            .Run(TimeSpan.FromSeconds(2), _folder["talk.mp4"], CancellationToken.None);
        recording.Stop();

        Assert.Null(recording.Lost);
        // Every frame went to both; only the audience's was read back, and it never carries the presenter's part.
        Assert.Equal(20, presenter.Rendered.Count);
        Assert.All(presenter.Rendered, frame => Assert.Equal((true, false), frame));
        Assert.Equal(0, presenter.PixelReads);
        Assert.Equal(20, audience.Rendered.Count);
        Assert.All(audience.Rendered, frame => Assert.Equal((false, true), frame));
        Assert.Equal(20, audience.PixelReads);
    }

    /// <summary>An output that notes, per frame, whether it carried the presenter's part and was read back; it draws nothing.</summary>
    private sealed class CapturedOutput : ICanvasOutput, IInputSource
    {
        public List<(bool Presenter, bool ReadBack)> Rendered { get; } = [];
        public int PixelReads { get; private set; }
        public int Width => 64;
        public int Height => 48;
        public bool RecordingIndicator { set { } }

        public bool Render(CanvasFrame frame, bool readBack)
        {
            Rendered.Add((frame.Presenter is not null, readBack));
            return true;
        }

        public bool TryReadPixels(Span<byte> rgba)
        {
            PixelReads++;
            rgba.Fill(0x40);
            return true;
        }

        public bool Poll() => true;
    }

    [Fact]
    public void TheR400sKeysStartTheTalkStepItBlankAndShowItAgainWithoutEndingIt()
    {
        var talk = Open();
        // The remote's start button sends F5 and Esc by turns; then three times "next", and "blank" twice.
        GlfwKey[] remote = [GlfwKey.F5, GlfwKey.Escape, GlfwKey.F5, GlfwKey.Escape, GlfwKey.PageDown, GlfwKey.PageDown, GlfwKey.PageDown,
            GlfwKey.Period, GlfwKey.Period];
        var requests = remote.Select(key => Press(key)).ToArray();

        Assert.DoesNotContain(LoopRequest.Quit, requests);
        Assert.Equal(LoopRequest.LeaveFullscreen, requests[1]);
        Assert.Equal(3, talk.Index);
        Assert.Equal(BlankScreen.Off, _session.View.Blank);
        Assert.False(_session.Frame.Chrome.Blank);
        Assert.False(_session.Scene.Latent.Clock.Paused);
        Assert.EndsWith("keys=presenting talk=4/5", _states[^1]);
    }

    [Fact]
    public void ANumberThenEnterGoesToThatStepAndAStepPastTheLastChangesNothing()
    {
        var talk = Open();
        Press(GlfwKey.D3);
        Assert.True(HudSays("step 3: Enter goes there"));
        Press(GlfwKey.KpEnter);
        Assert.Equal(2, talk.Index);

        var states = _states.Count;
        Press(GlfwKey.D1);
        Press(GlfwKey.D2);
        Press(GlfwKey.Enter);
        Assert.Equal(2, talk.Index);
        Assert.Equal(states, _states.Count);
        Assert.True(HudSays("no step 12: the talk has steps 1 to 5"));

        // Enter alone is the next step; a digit that another key follows is dropped.
        Press(GlfwKey.Enter);
        Assert.Equal(3, talk.Index);
        Press(GlfwKey.Kp5);
        Press(GlfwKey.Home);
        Press(GlfwKey.Enter);
        Assert.Equal(1, talk.Index);
    }

    [Fact]
    public void HomeAndEndGoToTheFirstAndTheLastStepAndEveryNextAndPreviousKeySteps()
    {
        var talk = Open();
        Press(GlfwKey.End);
        Assert.Equal(4, talk.Index);
        Press(GlfwKey.Home);
        Assert.Equal(0, talk.Index);
        foreach (var key in new[] { GlfwKey.PageDown, GlfwKey.Right, GlfwKey.Down, GlfwKey.Space })
            Press(key);
        Assert.Equal(4, talk.Index);
        Press(GlfwKey.N);
        Assert.True(HudSays("step 5/5: the talk has no step that way"));
        foreach (var key in new[] { GlfwKey.PageUp, GlfwKey.Left, GlfwKey.Up, GlfwKey.Backspace })
            Press(key);
        Assert.Equal(0, talk.Index);
        Press(GlfwKey.N);
        Press(GlfwKey.P);
        Assert.Equal(0, talk.Index);
        // A click anywhere is the next step.
        _session.ApplyPointer(new PointerEvent(PointerKind.Press, 5, 5), default);
        _session.ApplyPointer(new PointerEvent(PointerKind.Release, 5, 5), default);
        Assert.Equal(1, talk.Index);
    }

    [Fact]
    public void DuringATalkQuittingTakesASecondQWithinTwoSeconds()
    {
        Open();
        Assert.Equal(LoopRequest.None, Press(GlfwKey.Q));
        // The question is for the presenter: on the presenter view and in the terminal, never on the audience's HUD.
        Assert.Contains("Q again within 2 s", Presenter.Notice);
        Assert.Contains(_states, line => line.Contains("Q again within 2 s"));
        Assert.False(HudSays("Q again"));
        Frames(10);
        Assert.Equal(LoopRequest.Quit, Press(GlfwKey.Q));

        Frames(30);
        Assert.Equal(LoopRequest.None, Press(GlfwKey.Q));
        Frames(25); // 2.6 s after the first Q: it asks again
        Assert.Equal(LoopRequest.None, Press(GlfwKey.Q));
        Assert.Equal(LoopRequest.Quit, Press(GlfwKey.Q));
    }

    [Fact]
    public void BAndWBlankTheScreenToBlackAndToWhite()
    {
        Open();
        Press(GlfwKey.B);
        Assert.Equal((true, Palette.Rgba(0, 0, 0)), (_session.Frame.Chrome.Blank, _session.Frame.Chrome.BlankColour));
        Press(GlfwKey.W);
        Assert.Equal((true, Palette.Rgba(255, 255, 255)), (_session.Frame.Chrome.Blank, _session.Frame.Chrome.BlankColour));
        Assert.Contains("blank=white", _states[^1]);
        Press(GlfwKey.Comma);
        Assert.False(_session.Frame.Chrome.Blank);
    }

    [Fact]
    public void TabSwitchesToTheSteeringKeysWhichSteerAsBeforeAndTheHelpListsTheActiveTable()
    {
        var talk = Open();
        Assert.Contains(_session.Frame.Chrome.Help, line => line.Contains("next step"));
        Press(GlfwKey.Tab);
        Assert.Contains("keys=steering", _states[^1]);
        Assert.Contains(_session.Frame.Chrome.Help, line => line.Contains("steer layer 1 to 3"));

        Press(GlfwKey.D2);
        Assert.Contains("layer=2", _states[^1]);
        Press(GlfwKey.Space);
        Assert.True(_session.Scene.Latent.Clock.Paused);
        var point = _session.Scene.Latent.SelectedPoint();
        Press(GlfwKey.Right);
        Assert.NotEqual(point, _session.Scene.Latent.SelectedPoint());
        Press(GlfwKey.PageDown);
        Assert.Equal(1, talk.Index);
        Assert.Equal(LoopRequest.ToggleFullscreen, Press(GlfwKey.F11));

        Press(GlfwKey.Tab);
        Assert.Contains("keys=presenting", _states[^1]);
        // Here a digit types a step's number: no layer changes until Enter goes to the step.
        var states = _states.Count;
        Press(GlfwKey.D1);
        Assert.Equal(states, _states.Count);
        Press(GlfwKey.Enter);
        Assert.Equal(0, talk.Index);
    }

    /// <summary>The step shown (0-based) at each of <paramref name="count"/> more frames.</summary>
    private int[] StepsOver(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        Frames(1);
        return _session.Talk!.Index;
    }).ToArray();

    /// <summary>At 10 frames a second, frame n shows step n / 10 for three steps held one second each (the last stays).</summary>
    private static int[] HeldOneSecondEach(int from, int count, bool loop) =>
        Enumerable.Range(from, count).Select(frame => loop ? frame / 10 % 3 : Math.Min(frame / 10, 2)).ToArray();

    [Theory]
    [InlineData("", true)]                  // --auto-advance
    [InlineData("advance = \"auto\"", false)] // each step's own key
    public void StepsHeldOneSecondEachMoveOnAtTheirFramesAndTheLastStays(string stepKey, bool automatic)
    {
        Open(ThreeSteps(stepKey), automatic);
        // Frame 0 is drawn: frames 1 to 44 follow.
        Assert.Equal(HeldOneSecondEach(1, 44, loop: false), StepsOver(44));
        Assert.Contains("talk=3/3 advance=auto", _states[^1]);
    }

    [Fact]
    public void AManualTalkWaitsForItsKeys()
    {
        Open(ThreeSteps("advance = \"manual\""));
        Assert.All(StepsOver(30), index => Assert.Equal(0, index));
        _session.LogState();
        Assert.EndsWith("talk=1/3", _states[^1]); // nothing to pause: no advance= part
    }

    [Fact]
    public void WithLoopTheTalkStartsAgainAfterTheLastStep()
    {
        Open(ThreeSteps(), automatic: true, loop: true);
        Assert.Equal(HeldOneSecondEach(1, 64, loop: true), StepsOver(64));
        // A presenter's "next" on the last step goes to the first too.
        Press(GlfwKey.End);
        Press(GlfwKey.PageDown);
        Assert.Equal(0, _session.Talk!.Index);
    }

    [Fact]
    public void AStepKeyPausesTheAutoAdvanceUntilShiftF5OrF5()
    {
        var talk = Open(ThreeSteps(), automatic: true);
        Frames(4);
        Press(GlfwKey.PageDown); // frame 5, t = 0.5 s: step 2, held
        Assert.Contains("talk=2/3 advance=paused", _states[^1]);
        Assert.All(StepsOver(30), index => Assert.Equal(1, index));

        // Shift+F5 goes on from step 2, which holds its second again from the frame that shows it anew.
        Press(GlfwKey.F5, KeyModifiers.Shift);
        Assert.Contains("talk=2/3 advance=auto", _states[^1]);
        Assert.Equal([.. Enumerable.Repeat(1, 9), 2], StepsOver(10));

        Press(GlfwKey.F5);
        Assert.Contains("talk=1/3 advance=auto", _states[^1]);
        Assert.Equal([.. Enumerable.Repeat(0, 9), 1], StepsOver(10));
    }

    public void Dispose()
    {
        _side?.Dispose();
        _folder.Dispose();
    }
}
