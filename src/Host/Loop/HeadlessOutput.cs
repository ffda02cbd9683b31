using LvaeLive.Render.Frames;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Loop;

/// <summary>The live view without a display: frames are drawn offscreen, and read back only when recorded.</summary>
internal sealed class HeadlessOutput(HeadlessCanvas canvas) : ICanvasOutput, IInputSource
{
    private FrameSlot? _last;

    public int Width => (int)canvas.Target.Extent.Width;
    public int Height => (int)canvas.Target.Extent.Height;
    public bool RecordingIndicator { set { } }

    public bool Render(CanvasFrame frame, bool readBack)
    {
        _last = canvas.Submit(frame, readBack);
        return true;
    }

    public bool TryReadPixels(Span<byte> rgba) => _last is { } slot && canvas.Target.TryReadPixels(slot, rgba);

    public CanvasPlacement Placement => canvas.Renderer.Placement;

    public bool Poll() => true;
}
