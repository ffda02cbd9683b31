using LvaeLive.Host.Window;
using LvaeLive.Shaders.Canvas;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Loop;

/// <summary>The live view in a window: follows the window's size, skips drawing while it is minimised, and goes fullscreen on request.</summary>
internal sealed class WindowOutput(GlfwWindow window, WindowCanvas canvas) : ICanvasOutput
{
    public int Width => (int)canvas.Extent.Width;
    public int Height => (int)canvas.Extent.Height;

    public bool RecordingIndicator { set => canvas.RecordingIndicator = value; }

    public bool Render(CanvasFrame frame, bool readBack)
    {
        if (window.TakeResize(out var size)) canvas.Resize(new Extent2D((uint)size.Width, (uint)size.Height));
        return !window.IsMinimized && canvas.Render(frame, readBack);
    }

    public bool TryReadPixels(Span<byte> rgba) => canvas.TryReadPixels(rgba);

    public CanvasPlacement Placement => canvas.Renderer.Placement;

    public void ToggleFullscreen() => window.SetFullscreen(!window.IsFullscreen);

    public void LeaveFullscreen() => window.SetFullscreen(false);
}
