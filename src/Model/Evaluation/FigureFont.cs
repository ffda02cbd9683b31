using ScottPlot;
using SkiaSharp;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// DejaVu Sans from the assembly (embedded at build time), given to ScottPlot ahead of its system-font lookup, so
/// that figures have the same legible text on every machine, including ones with no fonts at all.
/// </summary>
internal sealed class FigureFont : IFontResolver
{
    public const string Family = "DejaVu Sans (LvaeLive)";
    private const string Resource = "LvaeLive.Model.DejaVuSans.ttf";

    private static readonly Lazy<FigureFont> Installed = new(() =>
    {
        var font = new FigureFont();
        Fonts.FontResolvers.Insert(0, font);
        Fonts.Default = Family;
        return font;
    });

    private readonly byte[] _file;

    private FigureFont()
    {
        using var stream = typeof(FigureFont).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"the embedded font {Resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _file = copy.ToArray();
    }

    /// <summary>Makes the embedded font ScottPlot's default (once) and uses it for every text of <paramref name="plot"/>.</summary>
    public static void Apply(Plot plot)
    {
        _ = Installed.Value;
        plot.Font.Set(Family);
    }

    // Every style resolves to the one regular face: one embedded file keeps the build small, and titles read fine in it.
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Family ? SKTypeface.FromData(SKData.CreateCopy(_file)) : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
}
