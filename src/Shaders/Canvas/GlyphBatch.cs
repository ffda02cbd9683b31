using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Glyph instances of one face, written straight into a region of the frame upload reserved by <see cref="Begin"/>;
/// each line added is noted in the frame's <see cref="CanvasBoxes"/> with the box it belongs in.
/// </summary>
internal sealed class GlyphBatch(CanvasBoxes boxes)
{
    /// <summary>The fewest characters a cut line keeps.</summary>
    public const int MinKept = 4;

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
    /// Adds a line whose glyph cells start at (x, y), inside <paramref name="container"/>. A line wider than
    /// <paramref name="maxWidth"/> pixels is cut and ends in an ellipsis; one that cannot keep <see cref="MinKept"/>
    /// characters is left out, since so short a stub says nothing. Returns the width drawn.
    /// </summary>
    /// <param name="breaks">Where a cut may fall, when not at any character: between the footer's key hints, since "R r…" says nothing.</param>
    public int Add(ReadOnlySpan<char> text, int x, int y, uint colour, int maxWidth, Rect container, TextRole role = TextRole.Label, string? breaks = null)
    {
        var upload = _upload ?? throw new InvalidOperationException("Begin the batch first");
        var kept = Fit(text, maxWidth, breaks, out var ellipsis);
        var pen = 0;
        foreach (var c in text[..kept])
            pen += Glyph(upload, c, x + pen, y, colour);
        if (ellipsis)
            pen += Glyph(upload, GlyphFace.Ellipsis, x + pen, y, colour);
        if (text.Length > 0)
            boxes.Text(text, new Rect(x, y, pen, pen > 0 ? Face.CellHeight : 0), container, role, kept, ellipsis);
        return pen;
    }

    /// <summary>How many characters of <paramref name="text"/> to draw in <paramref name="maxWidth"/> pixels: all, or as many as leave room for an ellipsis, or none.</summary>
    private int Fit(ReadOnlySpan<char> text, int maxWidth, string? breaks, out bool ellipsis)
    {
        ellipsis = false;
        if (Face.Measure(text) <= maxWidth)
            return text.Length;
        var (room, kept) = (maxWidth - Face.Advance(GlyphFace.Ellipsis), 0);
        for (var pen = 0; kept < text.Length && pen + Face.Advance(text[kept]) <= room; kept++)
            pen += Face.Advance(text[kept]);
        if (breaks is null)
        {
            while (kept > 0 && text[kept - 1] == ' ')
                kept--;
        }
        else
        {
            // At the last break that fits; one of its spaces stays before the ellipsis where there is room for it,
            // which then reads as "and more" rather than as a word cut short.
            var end = text[kept..].StartsWith(breaks) ? kept : Math.Max(text[..kept].LastIndexOf(breaks), 0);
            kept = end > 0 && end < kept ? end + 1 : end;
        }
        ellipsis = kept >= Math.Min(MinKept, text.Length);
        return ellipsis ? kept : 0;
    }

    /// <summary>The width of <paramref name="text"/> in this face, whole.</summary>
    public int Measure(ReadOnlySpan<char> text) => Face.Measure(text);

    /// <summary>Writes one glyph instance (a space takes room but draws nothing); returns its advance.</summary>
    private int Glyph(FrameUpload upload, char c, int x, int y, uint colour)
    {
        if (c != ' ' && Count < CanvasLimits.MaxGlyphsPerBatch)
        {
            var words = upload.WordsAt(_offset + (uint)(Count * TextPipeline.WordsPerGlyph), TextPipeline.WordsPerGlyph);
            words[0] = (uint)x;
            words[1] = (uint)y;
            words[2] = (uint)GlyphFace.GlyphIndex(c);
            words[3] = colour;
            Count++;
        }
        return Face.Advance(c);
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
