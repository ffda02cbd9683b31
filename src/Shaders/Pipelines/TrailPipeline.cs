using System.Numerics;
using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/trail.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TrailPush
{
    public Int2 Size;
    public uint PointOffset;
    public int PointCount;
    public float Width;
    public uint CoverageOffset;
}

/// <summary>The latents' trail as per-pixel coverage in the map accumulation buffer, one work-group layer per segment.</summary>
public sealed class TrailPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<TrailPush>(gpu, layout, "trail")
{
    public const int GroupSize = 8;

    /// <summary>Words per map pixel after the splat sums in the accumulation buffer: the trail coverage (0..65535).</summary>
    public const int WordsPerPixel = 1;

    /// <summary>Where the coverage words start: after the splat sums of all <paramref name="pixels"/> map pixels.</summary>
    public static uint CoverageOffset(int pixels) => (uint)(pixels * SplatPipeline.WordsPerPixel);

    /// <summary>
    /// Dispatches one layer per segment, each as large as the largest segment box; <paramref name="points"/> are the
    /// trail's points in map pixels, as uploaded.
    /// </summary>
    public void Record(FrameSlot slot, in TrailPush push, ReadOnlySpan<Vector2> points)
    {
        var (width, height) = (0, 0);
        for (var index = 0; index + 1 < points.Length; index++)
        {
            var (low, high) = SegmentBox(points[index], points[index + 1], push.Width, push.Size);
            (width, height) = (Math.Max(width, high.X - low.X), Math.Max(height, high.Y - low.Y));
        }
        Pipeline.Dispatch(slot, push, WorkGroups.Cover(width, GroupSize), WorkGroups.Cover(height, GroupSize), (uint)Math.Max(points.Length - 1, 0));
    }

    /// <summary>The pixels a segment's stroke can touch, [low, high), clipped to the map; the shader computes the same box.</summary>
    public static (Int2 Low, Int2 High) SegmentBox(Vector2 a, Vector2 b, float width, Int2 size)
    {
        var reach = width * 0.5f + 0.5f;
        var limit = new Vector2(size.X, size.Y);
        var low = Vector2.Clamp(Floor(Vector2.Min(a, b) - new Vector2(reach)), Vector2.Zero, limit);
        var high = Vector2.Clamp(Ceiling(Vector2.Max(a, b) + new Vector2(reach)), Vector2.Zero, limit);
        return (new Int2((int)low.X, (int)low.Y), new Int2((int)high.X, (int)high.Y));
    }

    private static Vector2 Floor(Vector2 v) => new(MathF.Floor(v.X), MathF.Floor(v.Y));

    private static Vector2 Ceiling(Vector2 v) => new(MathF.Ceiling(v.X), MathF.Ceiling(v.Y));
}
