using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Tests.Window;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Render.Gpu;
using SkiaSharp;

namespace LvaeLive.Host.Tests.Live;

/// <summary>`lvae live` in a real window under Xvfb, driven by injected keys and followed through its state lines.</summary>
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
            "live", "--checkpoint", _folder["run"], "--size", "640x400", "--threads", "1", "--fps-cap", "30");
        live.WaitForLine(l => l.StartsWith("state: tile=0 layer=1 mode=walk"), Patience, "the first state line");
        var window = XDisplay.FindWindow("LvaeLive", Patience);

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

    public void Dispose() => _folder.Dispose();
}
