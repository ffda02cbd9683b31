using LvaeLive.Imaging;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Targets;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// A canvas without a window: device, frames in flight, an offscreen target and the renderer, created in that order
/// and disposed in reverse. For `lvae render`, the bench and tests.
/// </summary>
public sealed class HeadlessCanvas : IDisposable
{
    public GpuContext Gpu { get; }
    public FrameRing Frames { get; }
    public OffscreenTarget Target { get; }
    public CanvasRenderer Renderer { get; }

    public HeadlessCanvas(Extent2D size, GpuOptions? options = null)
    {
        Gpu = GpuContext.Create(options);
        try
        {
            Frames = new FrameRing(Gpu);
            Target = new OffscreenTarget(Gpu, Frames, size);
            Renderer = new CanvasRenderer(Gpu, Frames);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Records and submits one frame without waiting for it; returns its slot. Only with <paramref name="readBack"/>
    /// is the frame copied for <see cref="OffscreenTarget.ReadPixels"/>.</summary>
    public FrameSlot Submit(CanvasFrame frame, bool readBack)
    {
        var slot = Frames.BeginFrame();
        Target.ReadBack = readBack;
        Renderer.Draw(slot, Target, frame);
        Frames.Submit(slot);
        return slot;
    }

    /// <summary>Draws one frame and returns its RGBA8 pixels.</summary>
    public byte[] Render(CanvasFrame frame)
    {
        var slot = Submit(frame, readBack: true);
        var pixels = new byte[OffscreenTarget.ByteCount(Target.Extent)];
        Target.ReadPixels(slot, pixels);
        return pixels;
    }

    public void RenderToPng(CanvasFrame frame, string path) =>
        PngFile.Write(path, Render(frame), (int)Target.Extent.Width, (int)Target.Extent.Height);

    public void Dispose()
    {
        // Frames submitted but never read back may still be running; their resources go only once they are done.
        Frames?.WaitAll();
        Renderer?.Dispose();
        Target?.Dispose();
        Frames?.Dispose();
        Gpu?.Dispose();
    }
}
