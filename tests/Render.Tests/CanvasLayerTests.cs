using LvaeLive.Render.Targets;
using LvaeLive.Render.Vulkan;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

/// <summary>
/// The canvas drawn in cached layers (<see cref="CanvasRenderer"/>): a frame that restores its layers has the pixels
/// of the same frame drawn whole on a fresh canvas, a layer whose data changed is drawn again, and the layers below it
/// are restored.
/// </summary>
public sealed class CanvasLayerTests
{
    private static readonly Extent2D Size = new(800, 600);

    private static CanvasFrame Demo(int seed = 1, float time = 0) => DemoCanvas.Create(digits: 16, pairs: 4, mapPoints: 800, seed: seed, time: time);

    /// <summary>The first frame, then the same frame with only what changes every frame changed: digits, highlight, trail and markers.</summary>
    private static CanvasFrame Moved()
    {
        var (frame, other) = (Demo(), Demo(seed: 2, time: 0.4f));
        frame.Scene.Digits = other.Scene.Digits;
        frame.Scene.HighlightDigit = 3;
        frame.Scene.MapMarkers = other.Scene.MapMarkers;
        frame.Scene.MapTrail = other.Scene.MapTrail;
        return frame;
    }

    public static TheoryData<string, string[], string[]> Changes => new()
    {
        // What changed, the passes the frame must draw, and those it must not.
        { "tiles and markers", ["still layer copy", "tiles", "trail", "markers"], ["panels", "splat", "text", "map layer copy"] },
        { "map points", ["chrome layer copy", "splat", "resolve", "curves", "text"], ["panels", "map layer copy", "still layer copy"] },
        { "hud text", ["map layer copy", "curves", "text"], ["panels", "splat", "still layer copy"] },
        { "curves", ["map layer copy", "curves", "text"], ["panels", "splat", "still layer copy"] },
    };

    private static CanvasFrame Changed(string change)
    {
        var frame = Moved();
        switch (change)
        {
            case "map points":
                frame.Scene.MapPoints = Demo(seed: 3).Scene.MapPoints;
                break;
            case "hud text":
                frame.Chrome.Hud = ["step 12,401", .. frame.Chrome.Hud.Skip(1)];
                break;
            case "curves":
                frame.Chrome.Plots = Demo(seed: 4).Chrome.Plots;
                break;
        }
        return frame;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void AFrameAfterAChangeHasThePixelsOfTheFrameDrawnWholeAndRedrawsOnlyWhatChanged(string change, string[] drawn, string[] skipped)
    {
        var log = new ValidationLog();
        var frame = Changed(change);
        byte[] whole;
        using (var fresh = new HeadlessCanvas(Size, log.Options))
            whole = fresh.Render(frame);
        using (var canvas = new HeadlessCanvas(Size, log.Options))
        {
            var first = Draw(canvas, Demo(), out _);
            var again = Draw(canvas, frame, out var passes);

            Assert.NotEqual(first, again);
            Assert.True(whole.AsSpan().SequenceEqual(again), $"after a change of {change}, the cached layers drew other pixels than a whole frame ({Differing(whole, again)} differ)");
            Assert.NotEmpty(passes); // lavapipe has timestamps; without them this test would prove nothing about the passes
            foreach (var pass in drawn)
                Assert.Contains(pass, passes);
            foreach (var pass in skipped)
                Assert.DoesNotContain(pass, passes);
        }
        log.AssertClean();
    }

    [Fact]
    public void ARepeatedFrameDrawsNoLayerAgainAndKeepsItsPixels()
    {
        var log = new ValidationLog();
        using (var canvas = new HeadlessCanvas(Size, log.Options))
        {
            var first = Draw(canvas, Demo(), out var firstPasses);
            var again = Draw(canvas, Demo(), out var passes);

            Assert.Contains("splat", firstPasses);
            Assert.Equal(first, again);
            Assert.Contains("still layer copy", passes);
            Assert.DoesNotContain("splat", passes);
            Assert.DoesNotContain("text", passes);
        }
        log.AssertClean();
    }

    private static byte[] Draw(HeadlessCanvas canvas, CanvasFrame frame, out string[] passes)
    {
        var slot = canvas.Submit(frame, readBack: true);
        var pixels = new byte[OffscreenTarget.ByteCount(canvas.Target.Extent)];
        canvas.Target.ReadPixels(slot, pixels);
        passes = slot.LastPasses.ToArray().Select(pass => pass.Name).ToArray();
        return pixels;
    }

    private static int Differing(byte[] a, byte[] b) => Enumerable.Range(0, a.Length / 4).Count(i => !a.AsSpan(4 * i, 4).SequenceEqual(b.AsSpan(4 * i, 4)));
}
