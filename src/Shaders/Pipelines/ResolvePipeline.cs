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
    /// <summary>Edge of the blocks that the accumulation buffer flags (BLOCK in canvas.glsl); one invocation resolves one block.</summary>
    public const int BlockSize = 8;

    /// <summary>Work-group edge in blocks (local_size 8 x 8 in resolve.comp).</summary>
    public const int GroupBlocks = 8;

    /// <summary>Flag words after the splat sums and trail coverage of a <paramref name="size"/> plot: one per block.</summary>
    public static int BlockCount(Int2 size) => (int)(WorkGroups.Cover(size.X, BlockSize) * WorkGroups.Cover(size.Y, BlockSize));

    public void Record(FrameSlot slot, in ResolvePush push) =>
        Pipeline.Dispatch(slot, push, WorkGroups.Cover(push.Size.X, BlockSize * GroupBlocks), WorkGroups.Cover(push.Size.Y, BlockSize * GroupBlocks));
}
