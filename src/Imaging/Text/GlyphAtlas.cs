using SkiaSharp;

namespace LvaeLive.Imaging.Text;

/// <summary>
/// Anti-aliased coverage (0..255) of the printable ASCII glyphs and the ellipsis of the embedded DejaVu fonts,
/// rasterised once per requested face with SkiaSharp. Shaders composite text from these bytes; tests composite from
/// the same bytes.
/// </summary>
public sealed class GlyphAtlas
{
    private readonly byte[] _coverage;

    public IReadOnlyList<GlyphFace> Faces { get; }

    public ReadOnlySpan<byte> Coverage => _coverage;

    private GlyphAtlas(IReadOnlyList<GlyphFace> faces, byte[] coverage)
    {
        Faces = faces;
        _coverage = coverage;
    }

    /// <summary>Monospaced faces of the given pixel sizes.</summary>
    public static GlyphAtlas Rasterise(IReadOnlyList<float> pixelSizes) =>
        Rasterise(pixelSizes.Select(size => new FaceRequest(size, Typeface.Mono)).ToArray());

    public static GlyphAtlas Rasterise(IReadOnlyList<FaceRequest> requests)
    {
        using var mono = EmbeddedFont.Load(Typeface.Mono);
        using var sans = EmbeddedFont.Load(Typeface.Sans);
        var faces = new List<GlyphFace>();
        var coverage = new List<byte>();
        foreach (var request in requests)
        {
            using var font = new SKFont(request.Typeface == Typeface.Mono ? mono : sans, request.PixelSize)
                { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Slight, Subpixel = false };
            var metrics = font.Metrics;
            var baseline = (int)MathF.Ceiling(-metrics.Ascent);
            var height = baseline + (int)MathF.Ceiling(metrics.Descent);
            var face = request.Typeface == Typeface.Mono
                ? new GlyphFace(request.PixelSize, (int)MathF.Ceiling(font.MeasureText("M")), height, baseline, coverage.Count)
                : ProportionalFace(font, request.PixelSize, height, baseline, coverage.Count);
            faces.Add(face);
            coverage.AddRange(RasteriseRow(font, face));
        }
        // Shaders read the coverage as 32-bit words.
        while (coverage.Count % 4 != 0)
            coverage.Add(0);
        return new GlyphAtlas(faces, [.. coverage]);
    }

    /// <summary>A proportional face: each glyph advances by its own width; the cells are as wide as the widest ink or advance.</summary>
    private static GlyphFace ProportionalFace(SKFont font, float pixelSize, int height, int baseline, int byteOffset)
    {
        var advances = new int[GlyphFace.GlyphCount];
        var cell = 1;
        for (var index = 0; index < GlyphFace.GlyphCount; index++)
        {
            var text = GlyphFace.CharAt(index).ToString();
            var advance = font.MeasureText(text, out var bounds);
            advances[index] = (int)MathF.Round(advance);
            cell = Math.Max(cell, (int)MathF.Ceiling(Math.Max(advance, bounds.Right)));
        }
        return new GlyphFace(pixelSize, cell, height, baseline, byteOffset, advances);
    }

    private static byte[] RasteriseRow(SKFont font, GlyphFace face)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(face.RowPitch, face.CellHeight, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = SKColors.White, IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            for (var index = 0; index < GlyphFace.GlyphCount; index++)
            {
                // Each glyph is clipped to its own cell so that overhangs never bleed into a neighbour.
                canvas.Save();
                canvas.ClipRect(new SKRect(index * face.CellWidth, 0, (index + 1) * face.CellWidth, face.CellHeight));
                canvas.DrawText(GlyphFace.CharAt(index).ToString(), index * face.CellWidth, face.Baseline, SKTextAlign.Left, font, paint);
                canvas.Restore();
            }
        }
        // Skia may pad rows; the atlas rows are exactly RowPitch bytes.
        var pixels = bitmap.GetPixelSpan();
        var row = new byte[face.RowPitch * face.CellHeight];
        for (var y = 0; y < face.CellHeight; y++)
            pixels.Slice(y * bitmap.RowBytes, face.RowPitch).CopyTo(row.AsSpan(y * face.RowPitch));
        return row;
    }

    /// <summary>Coverage of one pixel of a glyph cell, 0..255.</summary>
    public byte At(int faceIndex, int glyph, int x, int y)
    {
        var face = Faces[faceIndex];
        return _coverage[face.ByteOffset + y * face.RowPitch + glyph * face.CellWidth + x];
    }
}
