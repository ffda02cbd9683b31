using LvaeLive.Host.Tests.Window;
using LvaeLive.Host.Window;
using LvaeLive.Render.Presentation;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Tests.Presentation;

/// <summary>
/// The window shows exactly the frame the canvas reads back, through resizes, out-of-date swapchains and
/// minimising, with the recording indicator in the window only; all with zero validation messages.
/// </summary>
[Collection(nameof(InProcessWindows))]
public sealed class WindowCanvasTests
{
    public WindowCanvasTests() => XDisplay.Require();

    [Fact]
    public void TheWindowShowsTheFrameThatIsReadBack()
    {
        using var shown = new ShownCanvas(640, 400);
        Assert.Equal(PresentModeKHR.FifoKhr, shown.Canvas.Target.Settings?.PresentMode);
        Assert.Equal((640u, 400u), (shown.Canvas.Extent.Width, shown.Canvas.Extent.Height));

        var frame = shown.RenderAndReadBack();
        shown.ScreenshotShowing(frame, "window");

        Assert.Empty(shown.ValidationMessages);
    }

    [Fact]
    public void AResizeReCreatesTheSwapchainAtTheNewSize()
    {
        using var shown = new ShownCanvas(640, 400);
        shown.RenderAndReadBack();

        XDisplay.ResizeWindow(shown.WindowId, 800, 480);
        shown.WaitUntil(() => shown.Window.TakeResize(out var resized) && resized == new FramebufferSize(800, 480), "GLFW reported no resize to 800x480");
        shown.Canvas.Resize(new Extent2D(800, 480));

        Assert.Equal((800u, 480u), (shown.Canvas.Extent.Width, shown.Canvas.Extent.Height));
        shown.ScreenshotShowing(shown.RenderAndReadBack(), "window-resized");
        Assert.Empty(shown.ValidationMessages);
    }

    [Fact]
    public void AnOutOfDateSwapchainIsReCreatedWithoutBeingAsked()
    {
        using var shown = new ShownCanvas(640, 400);
        shown.RenderAndReadBack();

        XDisplay.ResizeWindow(shown.WindowId, 720, 450);
        // No Resize call: acquire or present reports the old swapchain out of date (or suboptimal), and the canvas follows.
        shown.WaitUntil(() =>
        {
            shown.Canvas.Render(shown.Frame);
            return shown.Canvas.Extent is { Width: 720, Height: 450 };
        }, "the canvas did not follow the window to 720x450");

        shown.ScreenshotShowing(shown.RenderAndReadBack(), "window-out-of-date");
        Assert.Empty(shown.ValidationMessages);
    }

    [Fact]
    public void TheRecordingIndicatorShowsInTheWindowButNotInTheReadBack()
    {
        using var shown = new ShownCanvas(640, 400);
        shown.Canvas.RecordingIndicator = true;
        var width = (int)shown.Canvas.Extent.Width;
        var at = RecordingIndicator.Placement(shown.Canvas.Extent)!.Value;
        var square = (at.X, at.Y, RecordingIndicator.Side);

        var frame = shown.RenderAndReadBack();
        var screen = shown.ScreenshotShowing(frame, "window-recording", excluded: square);

        Assert.True(ScreenComparison.IsRedSquare(screen, 3, width, at.X, at.Y, RecordingIndicator.Side), "no red square in the window's top-right corner");
        Assert.False(ScreenComparison.IsRedSquare(frame, 4, width, at.X, at.Y, RecordingIndicator.Side), "the red square reached the read-back pixels");
        Assert.Equal(at.X + RecordingIndicator.Side + RecordingIndicator.Margin, width);
        Assert.Empty(shown.ValidationMessages);
    }

    [Fact]
    public void AMinimisedWindowSkipsFramesUntilRestored()
    {
        using var shown = new ShownCanvas(640, 400);
        shown.Canvas.Resize(new Extent2D(0, 0));

        Assert.True(shown.Canvas.Target.IsSuspended);
        Assert.False(shown.Canvas.Render(shown.Frame));

        shown.Canvas.Resize(new Extent2D(640, 400));
        shown.ScreenshotShowing(shown.RenderAndReadBack(), "window-restored");
        Assert.Empty(shown.ValidationMessages);
    }

    [Fact]
    public void WithoutVsyncAFasterPresentModeIsChosenAndDisposingTwiceIsSafe()
    {
        var shown = new ShownCanvas(320, 240, vsync: false);
        try
        {
            Assert.NotEqual(PresentModeKHR.FifoKhr, shown.Canvas.Target.Settings?.PresentMode);
            for (var frame = 0; frame < 5; frame++)
                Assert.True(shown.Canvas.Render(shown.Frame));
            shown.Canvas.Dispose();
            shown.Canvas.Dispose();
            Assert.Empty(shown.ValidationMessages);
        }
        finally
        {
            shown.Dispose();
        }
    }
}
