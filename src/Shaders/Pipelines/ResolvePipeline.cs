using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/resolve.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ResolvePush
{
    public Int2 Origin;
    public Int2 Size;
    public float Density;
    public uint CoverageOffset;
    public uint TrailColour;
}

/// <summary>Turns the accumulated splats and trail coverage into the latent map's pixels.</summary>
public sealed class ResolvePipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<ResolvePush>(gpu, layout, "resolve")
{
    public void Record(FrameSlot slot, in ResolvePush push) => DispatchOverPixels(slot, push, push.Size);
}
