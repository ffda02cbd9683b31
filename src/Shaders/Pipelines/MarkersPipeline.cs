using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/markers.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct MarkersPush
{
    public Int2 Origin;
    public Int2 Size;
    public uint PointOffset;
    public int PointCount;
    public float Radius;
    public uint FillColour;
    public uint RingColour;
}

/// <summary>The current latents' markers on the map, each over its own small box.</summary>
public sealed class MarkersPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<MarkersPush>(gpu, layout, "markers")
{
    public const int GroupSize = 8;

    /// <summary>The widest box a marker of this radius inks: its diameter plus the anti-aliased edge, rounded out.</summary>
    public static int BoxSide(float radius) => (int)MathF.Ceiling(2 * (radius + 0.5f)) + 1;

    public void Record(FrameSlot slot, in MarkersPush push)
    {
        var side = WorkGroups.Cover(BoxSide(push.Radius), GroupSize);
        Pipeline.Dispatch(slot, push, side, side, (uint)Math.Max(push.PointCount, 0));
    }
}
