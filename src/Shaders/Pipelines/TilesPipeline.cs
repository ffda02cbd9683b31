using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/tiles.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TilesPush
{
    public Int2 Origin;
    public Int2 TileSize;
    public int Columns;
    public int Rows;
    public int Gap;
    public int GroupColumns;
    public int GroupGap;
    public uint ImageOffset;
    public int ImageCount;
    public int ColourMap;
    public int Highlight;
    public int HighlightWidth;
    public uint HighlightColour;

    /// <summary>Pixel size of the whole grid.</summary>
    public readonly Int2 GridSize
    {
        get
        {
            var groups = (Columns + GroupColumns - 1) / GroupColumns;
            var groupWidth = GroupColumns * TileSize.X + (GroupColumns - 1) * Gap;
            return new Int2(groups * groupWidth + (groups - 1) * GroupGap, Rows * TileSize.Y + (Rows - 1) * Gap);
        }
    }
}

/// <summary>Digit tiles: the grid of generated digits and the input/reconstruction pairs.</summary>
public sealed class TilesPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<TilesPush>(gpu, layout, "tiles")
{
    public const int ImageSide = 28;
    public const int ImagePixels = ImageSide * ImageSide;

    /// <summary>One work group per image, covering its whole tile (tiles.comp strides over the tile's pixels).</summary>
    public void Record(FrameSlot slot, in TilesPush push) => Pipeline.Dispatch(slot, push, 1, 1, (uint)Math.Max(push.ImageCount, 0));
}
