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
    public uint TrailOffset;
    public int TrailCount;
    public uint MarkerOffset;
    public int MarkerCount;
    public float TrailWidth;
    public float MarkerRadius;
    public uint TrailColour;
    public uint MarkerColour;
    public uint MarkerRing;
}

/// <summary>Turns the accumulated splats into the latent map's pixels and draws the trail and markers on top.</summary>
public sealed class ResolvePipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<ResolvePush>(gpu, layout, "resolve")
{
    public void Record(FrameSlot slot, in ResolvePush push) => DispatchOverPixels(slot, push, push.Size);
}
