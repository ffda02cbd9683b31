using System.Globalization;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Tests.Window;
using LvaeLive.Imaging.Text;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Render.Gpu;
using LvaeLive.Shaders.Canvas;
using SkiaSharp;

namespace LvaeLive.Host.Tests.Live;

/// <summary>
/// `lvae live` in a real window under Xvfb, driven by injected keys and mouse events and followed through its state
/// lines. With the other window classes, one at a time: the pointer's events go to the window on top where it is.
/// </summary>
[Collection(nameof(InProcessWindows))]
public sealed class LiveWindowTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void KeysSteerTheViewTheWindowShowsTheFrameAndEscapeSaves()
    {
        XDisplay.Require();
        TinyRun.Checkpoint(_folder["run"], steps: 20);
        var savedStep = CheckpointStore.ReadInfo(_folder["run"]).Info.Progress.GlobalStep;
        using var live = new LiveProcess(new Dictionary<string, string> { [GpuOptions.ValidationVariable] = "1" },
            "live", "--checkpoint", _folder["run"], "--size", "640x400", "--threads", "1", "--fps-cap", "30", "--health-every", "1");
        live.WaitForLine(l => l.StartsWith("state: tile=0 layer=1 mode=walk"), Patience, "the first state line");
        var window = XDisplay.FindWindow("LvaeLive", Patience);
        // T pauses training below: on a loaded machine it could come before the first step, leaving nothing to save.
        live.WaitForLine(l => l.StartsWith("health:") && l.Contains(" step=") && long.Parse(l[(l.IndexOf(" step=") + " step=".Length)..].Split(' ')[0]) > savedStep,
            Patience, "a training step past the checkpoint's");

        void Press(string key, string expected)
        {
            XDisplay.Key(window, key);
            live.WaitForLine(l => l.StartsWith("state:") && l.Contains(expected), Patience, $"'{expected}' after {key}");
        }
        Press("2", "layer=2");
        Press("Tab", "tile=1");
        Press("f", "frozen=2");
        Press("space", "animation=paused");
        Press("t", "training=training-paused");
        Press("c", "hud=off");

        // Nothing moves now: the frame the program saves (its read-back) must be what the window shows.
        XDisplay.Key(window, "s");
        var saved = live.WaitForLine(l => l.StartsWith("lvae: saved ") && l.EndsWith(".png"), Patience, "the screenshot")["lvae: saved ".Length..];
        using var expected = SKBitmap.Decode(Path.Combine(LvaeProcess.RepositoryRoot, saved));
        File.Delete(Path.Combine(LvaeProcess.RepositoryRoot, saved));
        var shown = XDisplay.Capture(window, expected.Width, expected.Height);
        var differing = 0;
        for (var y = 0; y < expected.Height; y++)
            for (var x = 0; x < expected.Width; x++)
            {
                var pixel = expected.GetPixel(x, y);
                var at = (y * expected.Width + x) * 3;
                if (Math.Abs(pixel.Red - shown[at]) > 1 || Math.Abs(pixel.Green - shown[at + 1]) > 1 || Math.Abs(pixel.Blue - shown[at + 2]) > 1) differing++;
            }
        Assert.True(differing == 0, $"{differing} pixels of the window differ from the saved frame");

        XDisplay.ResizeWindow(window, 800, 480);
        Press("1", "layer=1");
        XDisplay.Key(window, "Escape");
        live.WaitForLine(l => l == "state: quit", Patience, "quit");
        Assert.Equal(0, live.WaitForExit(Patience));
        Assert.DoesNotContain(live.Errors, line => line.StartsWith("vulkan:"));
        Assert.True(CheckpointStore.ReadInfo(_folder["run"]).Info.Progress.GlobalStep > savedStep, "quitting did not save the steps trained");
    }

    [Fact]
    public void TheMouseSelectsATileDragsTheMarkerWhereThePointerGoesAndTheWheelSetsTheSpeed()
    {
        XDisplay.Require();
        TinyRun.Checkpoint(_folder["run"], steps: 20);
        const int width = 960, height = 540;
        using var live = new LiveProcess(new Dictionary<string, string>(),
            "live", "--checkpoint", _folder["run"], "--no-train", "--size", $"{width}x{height}", "--threads", "1", "--fps-cap", "30");
        var first = live.WaitForLine(l => l.StartsWith("state: tile=0 layer=1 mode=walk"), Patience, "the first state line");
        var window = XDisplay.FindWindow("LvaeLive", Patience);
        string Expect(string expected, string after) =>
            live.WaitForLine(l => l.StartsWith("state:") && l.Contains(expected) && l != first, Patience, $"'{expected}' after {after}");

        // Where the canvas puts the grid and the map's plot at this size, as the renderer lays them out.
        var layout = CanvasLayout.Compute(width, height, 1f);
        var faces = GlyphAtlas.Rasterise([layout.BodyPixels, layout.TitlePixels]).Faces;
        var digits = layout.PanelContent(layout.Digits, faces[CanvasLayout.TitleFace]);
        var gap = Math.Max((int)MathF.Round(2 * layout.Scale), 1);
        var tile = Math.Min(digits.Width - 7 * gap, digits.Height - 7 * gap) / 8;
        var (gridX, gridY) = (digits.X + (digits.Width - 8 * tile - 7 * gap) / 2, digits.Y + (digits.Height - 8 * tile - 7 * gap) / 2);
        XDisplay.Click(window, gridX + 5 * (tile + gap) + tile / 2, gridY + 2 * (tile + gap) + tile / 2);
        Expect("tile=21 ", "a click on the tile in row 2, column 5");

        XDisplay.Key(window, "space");
        var paused = Marker(Expect("animation=paused", "Space"));
        var plot = layout.PanelContent(layout.Map, faces[CanvasLayout.TitleFace]);
        var (centreX, centreY) = (plot.X + plot.Width / 2, plot.Y + (plot.Height - (int)(faces[CanvasLayout.BodyFace].CellHeight * 1.6f)) / 2);
        var dropped = (X: centreX - 60, Y: centreY + 40);
        XDisplay.Drag(window, (centreX, centreY), dropped);
        // A drag is logged move by move, a frame after each: the marker is where a drag left it once the log is quiet
        // (the animation is paused, so nothing else writes), not at the first line that shows it moving.
        (float X, float Y) MovedFrom((float X, float Y) from, string what)
        {
            live.WaitForLine(l => l.StartsWith("state:") && l.Contains("animation=paused") && Marker(l) != from, Patience, what);
            using var deadline = new CancellationTokenSource(Patience);
            for (var lines = -1; live.Output.Count() != lines && !deadline.IsCancellationRequested; Thread.Sleep(1000))
                lines = live.Output.Count();
            return Marker(live.Output.Last(l => l.StartsWith("state:")));
        }
        var before = MovedFrom(paused, "the marker moved by the first drag");
        XDisplay.Drag(window, dropped, (dropped.X + 120, dropped.Y - 80));
        var after = MovedFrom(before, "the marker moved by the second drag");
        Assert.True(after.X > before.X && after.Y > before.Y, $"a drag right and up moved the marker from {before} to {after}");

        XDisplay.Wheel(up: true);
        Expect("speed=2 ", "the wheel up");
        XDisplay.Wheel(up: false);
        XDisplay.Wheel(up: false);
        Expect("speed=0.5 ", "the wheel down twice");

        XDisplay.Key(window, "Escape");
        live.WaitForLine(l => l == "state: quit", Patience, "quit");
        Assert.Equal(0, live.WaitForExit(Patience));
    }

    [Fact]
    public void F11PutsTheWindowOnTheWholeScreenAndBack()
    {
        XDisplay.Require();
        TinyRun.Checkpoint(_folder["run"], steps: 2);
        using var live = new LiveProcess(new Dictionary<string, string>(),
            "live", "--checkpoint", _folder["run"], "--no-train", "--size", "640x400", "--threads", "1", "--fps-cap", "30");
        live.WaitForLine(l => l.StartsWith("state: tile=0"), Patience, "the first state line");
        var window = XDisplay.FindWindow("LvaeLive", Patience);
        var screen = ExternalTools.Run("xdotool", "getdisplaygeometry").Replace(' ', 'x');
        string Size() => ExternalTools.Run("xdotool", "getwindowgeometry", window).Split('\n').Single(l => l.Contains("Geometry:")).Split(' ')[^1];

        XDisplay.Key(window, "F11");
        XDisplay.WaitUntil(XDisplay.Deadline, () => Size() == screen, $"the window did not grow to the screen ({screen})");
        XDisplay.Key(window, "F11");
        XDisplay.WaitUntil(XDisplay.Deadline, () => Size() == "640x400", "the window did not return to 640x400");
        XDisplay.Key(window, "Escape");
        Assert.Equal(0, live.WaitForExit(Patience));
    }

    [Fact]
    public void AnUnknownMonitorIsRefusedWithTheListOfMonitors()
    {
        XDisplay.Require();
        var listed = LvaeProcess.Run("live", "--list-monitors");
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.StartsWith("1: ", listed.Output);
        Assert.Contains("(primary)", listed.Output);
        Assert.Contains("modes: ", listed.Output);

        var result = LvaeProcess.Run("live", "--fullscreen", "--monitor", "9", "--run-dir", _folder["run"], "--threads", "1");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("lvae: --monitor 9: there is no monitor 9; this display has 1: ", line);
        Assert.False(Directory.Exists(_folder["run"]), "the run folder was written before the monitor was checked");
    }

    /// <summary>The marker's map position in a state line.</summary>
    private static (float X, float Y) Marker(string state)
    {
        var value = state.Split(' ').Single(part => part.StartsWith("marker=")).Split('=')[1].Split(',');
        return (float.Parse(value[0], CultureInfo.InvariantCulture), float.Parse(value[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ATalkStepsWithThePresenterRemotesKeysAndTheScreenBlanks()
    {
        XDisplay.Require();
        TinyRun.Checkpoint(_folder["run"], steps: 20);
        File.WriteAllText(_folder["talk.toml"], """
            [[step]]
            caption = "the walk"

            [[step]]
            caption = "the explorer"
            mode = "explorer"

            [[step]]
            mode = "style-swap"
            """);
        using var live = new LiveProcess(new Dictionary<string, string>(),
            "live", "--checkpoint", _folder["run"], "--no-train", "--talk", _folder["talk.toml"], "--size", "640x400", "--threads", "1", "--fps-cap", "30");
        live.WaitForLine(l => l.StartsWith("state: ") && l.Contains("mode=walk") && l.EndsWith("talk=1/3"), Patience, "the talk's first step");
        var window = XDisplay.FindWindow("LvaeLive", Patience);

        void Press(string key, params string[] expected)
        {
            XDisplay.Key(window, key);
            live.WaitForLine(l => l.StartsWith("state:") && expected.All(l.Contains), Patience, $"'{string.Join(" ", expected)}' after {key}");
        }
        Press("Next", "mode=explorer", "talk=2/3");      // PageDown: what presenter remotes send for "next"
        Press("Next", "mode=style-swap", "talk=3/3");
        Press("Prior", "mode=explorer", "talk=2/3");     // PageUp: "previous"
        Press("b", "blank=black");
        Press("period", "blank=off");
        // During a talk no single key quits: Esc (the remote's start button, every other press) leaves fullscreen, and Q asks first.
        XDisplay.Key(window, "Escape");
        XDisplay.Key(window, "q");
        XDisplay.Key(window, "q");
        live.WaitForLine(l => l == "state: quit", Patience, "quit");
        Assert.Equal(0, live.WaitForExit(Patience));
    }

    [Fact]
    public void ThePresenterViewFollowsTheTalkInASecondWindowAndTakesItsKeys()
    {
        XDisplay.Require();
        TinyRun.Checkpoint(_folder["run"], steps: 20);
        File.WriteAllText(_folder["talk.toml"], """
            [[step]]
            caption = "the walk"
            notes = ["A line of notes for the presenter alone,", "and a second line, about as long as the first"]

            [[step]]
            caption = "the explorer"
            mode = "explorer"
            """);
        using var live = new LiveProcess(new Dictionary<string, string> { [GpuOptions.ValidationVariable] = "1" },
            "live", "--checkpoint", _folder["run"], "--no-train", "--talk", _folder["talk.toml"], "--presenter-monitor", "1",
            "--size", "640x400", "--threads", "1", "--fps-cap", "30");
        live.WaitForLine(l => l.StartsWith("state: ") && l.EndsWith("talk=1/2"), Patience, "the talk's first step");
        var audience = XDisplay.FindWindow("LvaeLive", Patience);
        var presenter = XDisplay.FindWindow("LvaeLive presenter", Patience);

        // The notes are drawn in the title colour, brighter than anything else in the notes panel's place.
        int NotesInk()
        {
            ExternalTools.Run("xdotool", "windowraise", presenter);
            Thread.Sleep(TimeSpan.FromSeconds(1)); // a few frames, drawn since the raise
            var rgb = XDisplay.Capture(presenter, 640, 400);
            var ink = 0;
            for (var y = 60; y < 220; y++)
                for (var x = 20; x < 380; x++)
                {
                    var at = (y * 640 + x) * 3;
                    if (rgb[at] > 210 && rgb[at + 1] > 210 && rgb[at + 2] > 210) ink++;
                }
            return ink;
        }
        var withNotes = NotesInk();
        XDisplay.Key(presenter, "Next"); // the presenter's window takes the talk's keys too
        live.WaitForLine(l => l.StartsWith("state:") && l.Contains("mode=explorer") && l.EndsWith("talk=2/2"), Patience, "step 2 after PageDown");
        var withoutNotes = NotesInk();
        XDisplay.Key(audience, "Prior");
        live.WaitForLine(l => l.StartsWith("state:") && l.Contains("mode=walk") && l.EndsWith("talk=1/2"), Patience, "step 1 after PageUp");
        var notesAgain = NotesInk();

        Assert.True(withNotes > 300, $"step 1's notes drew {withNotes} bright pixels");
        Assert.True(withoutNotes < withNotes / 10, $"step 2 has no notes, yet {withoutNotes} bright pixels (step 1: {withNotes})");
        Assert.True(notesAgain > withNotes / 2, $"back on step 1, its notes drew {notesAgain} bright pixels (first: {withNotes})");
        XDisplay.Key(audience, "q");
        XDisplay.Key(audience, "q");
        live.WaitForLine(l => l == "state: quit", Patience, "quit");
        Assert.Equal(0, live.WaitForExit(Patience));
        Assert.DoesNotContain(live.Errors, line => line.StartsWith("vulkan:"));
    }

    public void Dispose() => _folder.Dispose();
}
