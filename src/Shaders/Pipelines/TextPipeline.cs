using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/text.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TextPush
{
    public uint InstanceOffset;
    public int InstanceCount;
    public int CellWidth;
    public int CellHeight;
    public int RowPitch;
    public uint AtlasOffset;
}

/// <summary>Glyph instances of one face, composited from the atlas.</summary>
public sealed class TextPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<TextPush>(gpu, layout, "text")
{
    public const int GroupSize = 8;

    /// <summary>Words per glyph instance: x, y, glyph index, colour.</summary>
    public const int WordsPerGlyph = 4;

    public void Record(FrameSlot slot, in TextPush push) => Pipeline.Dispatch(slot, push,
        WorkGroups.Cover(push.CellWidth, GroupSize), WorkGroups.Cover(push.CellHeight, GroupSize), (uint)Math.Max(push.InstanceCount, 0));
}
