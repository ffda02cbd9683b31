using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/splat.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SplatPush
{
    public Int2 Size;
    public uint PointOffset;
    public int PointCount;
    public uint PaletteOffset;
    public int PaletteCount;
    public uint InvalidColour;
}

/// <summary>
/// Adds every map point, with its class colour, into the accumulation buffer: with 64-bit atomics (splat64.comp) where
/// the device has them, unless <paramref name="int64Atomics"/> says otherwise; both give the same sums.
/// </summary>
public sealed class SplatPipeline(GpuContext gpu, ComputeLayout layout, bool? int64Atomics = null)
    : CanvasPipeline<SplatPush>(gpu, layout, ShaderFor(gpu, int64Atomics))
{
    public const int GroupSize = 64;

    /// <summary>Words per plot pixel in the accumulation buffer: red, green, blue sums and the weight.</summary>
    public const int WordsPerPixel = 4;

    private static string ShaderFor(GpuContext gpu, bool? int64Atomics)
    {
        if (int64Atomics == true && !gpu.BufferInt64Atomics)
            throw new ArgumentException($"{gpu} offers no 64-bit buffer atomics", nameof(int64Atomics));
        return int64Atomics ?? gpu.BufferInt64Atomics ? "splat64" : "splat";
    }

    public void Record(FrameSlot slot, in SplatPush push) => Pipeline.Dispatch(slot, push, WorkGroups.Cover(push.PointCount, GroupSize));
}
