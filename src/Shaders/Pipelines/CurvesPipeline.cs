using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/curves.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct CurvesPush
{
    public Int2 Origin;
    public Int2 Size;
    public uint SeriesOffset;
    public int SeriesCount;
    public float YMin;
    public float YMax;
    public float LineWidth;
    public uint GridColour;
    public float XTickStart;
    public float XTickStep;
    public float YTickStart;
    public float YTickStep;
}

/// <summary>One plot's grid and line series.</summary>
public sealed class CurvesPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<CurvesPush>(gpu, layout, "curves")
{
    /// <summary>Words per series in the series table: sample offset, sample count, colour, dash length in pixels (0: solid).</summary>
    public const int WordsPerSeries = 4;

    public const int GroupSize = 64;

    /// <summary>One invocation per pixel column of the plot.</summary>
    public void Record(FrameSlot slot, in CurvesPush push) => Pipeline.Dispatch(slot, push, WorkGroups.Cover(push.Size.X, GroupSize));
}
