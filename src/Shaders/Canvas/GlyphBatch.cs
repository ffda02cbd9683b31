using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Glyph instances of one face, written straight into a region of the frame upload reserved by <see cref="Begin"/>;
/// each line added is noted in the frame's <see cref="CanvasBoxes"/> with the box it belongs in.
/// </summary>
internal sealed class GlyphBatch(CanvasBoxes boxes)
{
    public const string Ellipsis = "...";

    private FrameUpload? _upload;
    private uint _offset;

    public int Count { get; private set; }
    public GlyphFace Face { get; private set; }

    public void Begin(FrameUpload upload, GlyphFace face)
    {
        _upload = upload;
        Face = face;
        Count = 0;
        _offset = upload.Reserve(CanvasLimits.MaxGlyphsPerBatch * TextPipeline.WordsPerGlyph);
    }

    /// <summary>
    /// Adds a line whose glyph cells start at (x, y), inside <paramref name="container"/>; characters past
    /// <paramref name="maxWidth"/> pixels are dropped. Returns its width.
    /// </summary>
    public int Add(ReadOnlySpan<char> text, int x, int y, uint colour, int maxWidth, Rect container, TextRole role = TextRole.Label)
    {
        var upload = _upload ?? throw new InvalidOperationException("Begin the batch first");
        var (pen, drawn) = (0, 0);
        foreach (var c in text)
        {
            var advance = Face.Advance(c);
            if (pen + advance > maxWidth) break;
            if (c != ' ' && Count < CanvasLimits.MaxGlyphsPerBatch)
            {
                var words = upload.WordsAt(_offset + (uint)(Count * TextPipeline.WordsPerGlyph), TextPipeline.WordsPerGlyph);
                words[0] = (uint)(x + pen);
                words[1] = (uint)y;
                words[2] = (uint)GlyphFace.GlyphIndex(c);
                words[3] = colour;
                Count++;
            }
            pen += advance;
            drawn++;
        }
        if (text.Length > 0)
            boxes.Text(text, new Rect(x, y, pen, drawn > 0 ? Face.CellHeight : 0), container, role, drawn, ellipsis: false);
        return pen;
    }

    /// <summary>The width of <paramref name="characters"/> characters of the monospaced face.</summary>
    public int Width(int characters) => characters * Face.CellWidth;

    public TextPush Push => new()
    {
        InstanceOffset = _offset,
        InstanceCount = Count,
        CellWidth = Face.CellWidth,
        CellHeight = Face.CellHeight,
        RowPitch = Face.RowPitch,
        AtlasOffset = (uint)Face.ByteOffset,
    };
}
