using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Host.Talks;
using LvaeLive.Host.Tests.Live;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Model;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Talks;

/// <summary>Talks played on a trained model: what each step draws, stepping both ways, recording.</summary>
public sealed class TalkPlaybackTests : IClassFixture<TrainedRun>, IDisposable
{
    private const int Pixels = LvaeConfig.ImagePixels;
    private const string ThreeSteps = """
        [[step]]
        caption = "a test digit on tile 5"
        tile = 5
        point = { digit = 3 }
        transition = 0
        hold = 1

        [[step]]
        caption = ["the explorer", "around it"]
        mode = "explorer"
        layer = 2
        hold = 1

        [[step]]
        mode = "walk"
        temperature = 0.5
        hud = true
        hold = 1
        """;

    private readonly TrainedRun _run;
    private readonly TemporaryFolder _folder = new();

    public TalkPlaybackTests(TrainedRun run) => _run = run;

    private Talk WriteTalk(string text = ThreeSteps)
    {
        File.WriteAllText(_folder["talk.toml"], text);
        return TalkFile.Load(_folder["talk.toml"], new TalkFile.Limits(3, LatentScene.GridTiles, ModelSide.MapDigits, []));
    }

    [Fact]
    public void EachStepDrawsWhatItSaysAndAStepLooksTheSameReachedEitherWay()
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var states = new List<string>();
        var session = side.OpenSession(seed: 1, "cpu", states.Add, talk: WriteTalk());
        var clock = new FrameClock(10);
        float[] Frame()
        {
            session.Advance(clock.NextFrame());
            return session.Frame.Scene.Digits.ToArray();
        }

        // Step 1: tile 5 is test digit 3 entered top-down, so it is drawn as that digit's posterior-mean reconstruction.
        var first = Frame();
        var point = new NoiseGrid(side.Config.LatentSizes, 1);
        side.Copy.EncodeToNoise(side.TestDigits.AsMemory(3 * Pixels, Pixels), 1, point);
        var expected = new float[Pixels];
        side.Copy.Decode(point.Inputs, 1, expected);
        Assert.Equal(expected, first.AsSpan(5 * Pixels, Pixels).ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(5, session.Scene.Latent.SelectedTile);
        Assert.Equal(["a test digit on tile 5"], session.Frame.Chrome.Caption);
        // A talk presents: the panels and the caption alone, no title, HUD or key hints.
        Assert.True(session.Frame.Chrome.Clean);
        Assert.Empty(session.Frame.Hud);

        // Step 2: the explorer around that point, layer 2 selected: its centre column is the digit again.
        session.Apply(new LiveInput(ViewAction.NextStep));
        var explorer = Frame();
        Assert.Contains("mode=explorer", states[^1]);
        Assert.Contains("talk=2/3", states[^1]);
        Assert.Equal(3 * 8 * Pixels, explorer.Length);
        // Decoded in a batch of another size, the same point differs in the last bits only.
        // Decoded in a batch of another size, the same point differs in the last bits only.
        Assert.Equal(expected, explorer.AsSpan(0, Pixels).ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
        // The marker in a state line is where the last frame drew it: the next frame moves it.
        static string WithoutMarker(string state) => System.Text.RegularExpressions.Regex.Replace(state, @" marker=\S+", "");
        var forwards = WithoutMarker(states[^1]);

        // Step 3, then back: step 2 is as it was (the explorer's redraws aside: they move with the animation).
        session.Apply(new LiveInput(ViewAction.NextStep));
        Assert.Equal(LatentScene.GridTiles * Pixels, Frame().Length);
        Assert.Equal(0.5f, session.Scene.Latent.Temperature);
        // Step 3 asks for the HUD (its lines are made again a few times a second).
        for (var frame = 0; frame < 3; frame++) Frame();
        Assert.False(session.Frame.Chrome.Clean);
        Assert.Contains(session.Frame.Hud, line => line.StartsWith("step 3/3"));
        session.Apply(new LiveInput(ViewAction.PreviousStep));
        var again = Frame();
        Assert.Contains("talk=2/3", states[^1]);
        Assert.Equal(1f, session.Scene.Latent.Temperature);
        Assert.Equal(forwards, WithoutMarker(states[^1]));
        Assert.Equal(explorer.AsSpan(0, Pixels).ToArray(), again.AsSpan(0, Pixels).ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);

        // There is no step after the last: the HUD says so and nothing changes.
        session.Apply(new LiveInput(ViewAction.NextStep));
        session.Apply(new LiveInput(ViewAction.NextStep));
        Frame();
        Assert.Contains(session.Frame.Hud, line => line.Contains("step 3/3: the talk has no step that way"));
    }

    [Fact]
    public void BlankingDrawsNothingAndBookmarksComeBack()
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { }, bookmarks: new BookmarkShelf(_folder.Path, side.Config.LatentSizes, _ => { }));
        var clock = new FrameClock(10);
        session.Advance(clock.NextFrame());
        session.Apply(new LiveInput(ViewAction.ToggleBlank));
        session.Advance(clock.NextFrame());
        Assert.True(session.Frame.Chrome.Blank);
        session.Apply(new LiveInput(ViewAction.ToggleBlank));

        // Bookmark tile 0 now, let the walk move on, then recall it onto tile 0: it is drawn as it was.
        session.Apply(new LiveInput(ViewAction.ToggleAnimationPause));
        session.Advance(clock.NextFrame());
        var marked = session.Frame.Scene.Digits[..Pixels].ToArray();
        session.Apply(new LiveInput(ViewAction.SaveBookmark));
        session.Apply(new LiveInput(ViewAction.ToggleAnimationPause));
        for (var i = 0; i < 40; i++) session.Advance(clock.NextFrame());
        Assert.True(Difference(marked, session.Frame.Scene.Digits[..Pixels].ToArray()) > 0.01, "the walk did not move tile 0 away");
        session.Apply(new LiveInput(ViewAction.RecallBookmark));
        for (var i = 0; i < 10; i++) session.Advance(clock.NextFrame()); // the recall's move takes half a second
        Assert.Equal(marked, session.Frame.Scene.Digits[..Pixels].ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.True(File.Exists(Path.Combine(_folder.Path, BookmarkShelf.FileName)));
    }

    [Fact]
    public void ARecordedTalkHoldsEachStepAndRepeatsFrameForFrame()
    {
        WriteTalk();
        string Record(string name)
        {
            var result = LvaeProcess.Run("record", "--checkpoint", _run.Folder, "--talk", _folder["talk.toml"], "--fps", "4", "--size", "320x240",
                "--out", _folder[name], "--threads", "1");
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            Assert.Equal("320,240,12", ExternalTools.Probe(_folder[name])); // three steps held one second each, at 4 fps
            return ExternalTools.Run("ffmpeg", "-v", "error", "-i", _folder[name], "-f", "framemd5", "-");
        }
        Assert.Equal(Record("a.mp4"), Record("b.mp4"));
    }

    [Fact]
    public void ATalkWithAMistakeStopsLvaeBeforeAnythingOpens()
    {
        File.WriteAllText(_folder["bad.toml"], "[[step]]\nlayer = 9\n");
        var result = LvaeProcess.Run("record", "--checkpoint", _run.Folder, "--talk", _folder["bad.toml"], "--out", _folder["x.mp4"], "--threads", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("lvae: bad.toml:2:9: 9 is not a valid layer (the model has layers 1 to 3)", result.Error.Trim());
        Assert.False(File.Exists(_folder["x.mp4"]));
    }

    private static double Difference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    public void Dispose() => _folder.Dispose();
}
