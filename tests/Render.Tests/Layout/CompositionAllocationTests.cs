using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// Nothing is allocated per frame (DESIGN.md): laying a frame out and composing it again, labels, heads, caption,
/// hidden panels and race included, allocates nothing, even before the JIT has optimised the code.
/// </summary>
public sealed class CompositionAllocationTests
{
    [Theory]
    [InlineData(GridMode.Explorer, false, CanvasPanels.All)]
    [InlineData(GridMode.StyleSwap, true, CanvasPanels.All)]
    [InlineData(GridMode.Interpolation, true, CanvasPanels.Digits | CanvasPanels.Map)]
    public void LayingOutAndComposingTheSameFrameAgainAllocatesNothing(GridMode mode, bool race, CanvasPanels panels)
    {
        var frame = ProjectorFrames.Create(mode, caption: true, race, 1.5f);
        frame.Chrome.Panels = panels;
        var canvas = new ComposedCanvas(frame, 1920, 1080);
        var upload = new FrameUpload(CanvasResources.UploadWords);
        void Compose() => canvas.Composer.Compose(frame, CanvasLayout.Compute(1920, 1080, 1.5f, 2, panels), upload, canvas.Atlas, "device");
        Compose();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Compose();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
