using LvaeLive.Render.Frames;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

/// <summary>A read of a slot gives that slot's latest frame, or nothing: never an older frame, never a re-created (empty) buffer.</summary>
public sealed class ReadBackTests
{
    [Fact]
    public void TheLedgerHoldsOnlyTheFrameThatCopiedUntilTheBuffersAreReCreated()
    {
        var ledger = new ReadBackLedger(FrameRing.FramesInFlight);
        Assert.False(ledger.Holds(0, -1)); // A slot before its first frame.
        Assert.False(ledger.Holds(0, 0));
        ledger.Copied(0, 0);
        Assert.True(ledger.Holds(0, 0));
        Assert.False(ledger.Holds(1, 0));
        Assert.False(ledger.Holds(0, 2)); // Frame 2 took slot 0 without copying: the buffer still holds frame 0.
        ledger.Copied(1, 1);
        ledger.Clear();
        Assert.False(ledger.Holds(0, 0));
        Assert.False(ledger.Holds(1, 1));
    }

    [Fact]
    public void AFrameIsReadableOnlyWhenItAskedForReadBackAndNoResizeCameSince()
    {
        var log = new ValidationLog();
        var frame = DemoCanvas.Create(digits: 4, pairs: 1, mapPoints: 100);
        using (var canvas = new HeadlessCanvas(new Extent2D(320, 240), log.Options))
        {
            var pixels = new byte[OffscreenTarget.ByteCount(canvas.Target.Extent)];

            var read = canvas.Submit(frame, readBack: true);
            Assert.True(canvas.Target.TryReadPixels(read, pixels));
            Assert.Contains(pixels, value => value != 0);

            var notRead = canvas.Submit(frame, readBack: false);
            Assert.False(canvas.Target.TryReadPixels(notRead, pixels));
            // Slot 0 again, now without read-back: its buffer holds the first frame, which must not pass for this one.
            var reused = canvas.Submit(frame, readBack: false);
            Assert.Same(read, reused);
            Assert.False(canvas.Target.TryReadPixels(reused, pixels));
            Assert.Throws<InvalidOperationException>(() => canvas.Target.ReadPixels(reused, pixels));
            // The refused reads left the first frame's pixels alone, and a frame that asks is read again.
            Assert.Equal(pixels, canvas.Render(frame));

            var beforeResize = canvas.Submit(frame, readBack: true);
            canvas.Target.Resize(new Extent2D(400, 300));
            Assert.False(canvas.Target.TryReadPixels(beforeResize, pixels));
        }
        log.AssertClean();
    }
}
