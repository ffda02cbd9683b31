using SkiaSharp;

namespace LvaeLive.Imaging.Text;

/// <summary>
/// The DejaVu fonts embedded in this assembly at build time (Imaging.csproj): the one copy that the canvas's glyph
/// atlas and the reports' figures both draw with, so that text never depends on the fonts of the machine.
/// </summary>
internal static class EmbeddedFont
{
    /// <summary>A new typeface of the embedded file; the caller owns it.</summary>
    public static SKTypeface Load(Typeface typeface)
    {
        var resource = $"LvaeLive.Imaging.Text.{(typeface == Typeface.Mono ? "DejaVuSansMono" : "DejaVuSans")}.ttf";
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"the embedded font {resource} is missing from {typeof(EmbeddedFont).Assembly.GetName().Name}; rebuild with fonts-dejavu-core installed");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidDataException($"SkiaSharp cannot read the embedded font {resource}");
    }
}
