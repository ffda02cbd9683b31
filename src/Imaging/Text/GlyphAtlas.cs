using SkiaSharp;

namespace LvaeLive.Imaging.Text;

/// <summary>
/// Anti-aliased coverage (0..255) of the printable ASCII glyphs of the embedded DejaVu Sans Mono, rasterised once per
/// requested pixel size with SkiaSharp. Shaders composite text from these bytes; tests composite from the same bytes.
/// </summary>
public sealed class GlyphAtlas
{
    private const string FontResource = "LvaeLive.Imaging.Text.DejaVuSansMono.ttf";

    private readonly byte[] _coverage;

    public IReadOnlyList<GlyphFace> Faces { get; }

    public ReadOnlySpan<byte> Coverage => _coverage;

    private GlyphAtlas(IReadOnlyList<GlyphFace> faces, byte[] coverage)
    {
        Faces = faces;
        _coverage = coverage;
    }

    public static GlyphAtlas Rasterise(IReadOnlyList<float> pixelSizes)
    {
        using var typeface = LoadTypeface();
        var faces = new List<GlyphFace>();
        var coverage = new List<byte>();
        foreach (var size in pixelSizes)
        {
            using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.Slight, Subpixel = false };
            var metrics = font.Metrics;
            var baseline = (int)MathF.Ceiling(-metrics.Ascent);
            var face = new GlyphFace(size, (int)MathF.Ceiling(font.MeasureText("M")), baseline + (int)MathF.Ceiling(metrics.Descent), baseline, coverage.Count);
            faces.Add(face);
            coverage.AddRange(RasteriseRow(font, face));
        }
        // Shaders read the coverage as 32-bit words.
        while (coverage.Count % 4 != 0)
            coverage.Add(0);
        return new GlyphAtlas(faces, [.. coverage]);
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
                canvas.DrawText(((char)(GlyphFace.First + index)).ToString(), index * face.CellWidth, face.Baseline, SKTextAlign.Left, font, paint);
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

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(GlyphAtlas).Assembly.GetManifestResourceStream(FontResource)
            ?? throw new InvalidDataException($"the embedded font {FontResource} is missing from {typeof(GlyphAtlas).Assembly.GetName().Name}; rebuild with fonts-dejavu-core installed");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidDataException($"SkiaSharp cannot read the embedded font {FontResource}");
    }
}
