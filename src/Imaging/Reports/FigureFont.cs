using LvaeLive.Imaging.Text;
using ScottPlot;
using SkiaSharp;

namespace LvaeLive.Imaging.Reports;

/// <summary>
/// The embedded DejaVu Sans (<see cref="EmbeddedFont"/>, the canvas's caption face), given to ScottPlot ahead of its
/// system-font lookup, so that figures have the same legible text on every machine, including ones with no fonts at all.
/// </summary>
internal sealed class FigureFont : IFontResolver
{
    public const string Family = "DejaVu Sans (LvaeLive)";

    private static readonly Lazy<FigureFont> Installed = new(() =>
    {
        var font = new FigureFont();
        Fonts.FontResolvers.Insert(0, font);
        Fonts.Default = Family;
        return font;
    });

    /// <summary>Makes the embedded font ScottPlot's default (once) and uses it for every text of <paramref name="plot"/>.</summary>
    public static void Apply(Plot plot)
    {
        _ = Installed.Value;
        plot.Font.Set(Family);
    }

    // Every style resolves to the one regular face: titles read fine in it. ScottPlot caches the typefaces it is given,
    // so the embedded file is read once per style asked for, not once per text.
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Family ? EmbeddedFont.Load(Typeface.Sans) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
}
