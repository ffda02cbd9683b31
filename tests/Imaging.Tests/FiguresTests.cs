using LvaeLive.Imaging.Reports;
using SkiaSharp;

namespace LvaeLive.Imaging.Tests;

public sealed class FiguresTests
{
    private static readonly int[] Layers = [8, 4, 2];
    private static readonly (string Label, double[] Values)[] TwoModels = [("VAE", [6, 2, 0]), ("LVAE", [7, 4, 1])];

    public static TheoryData<string> Kinds => ["active units", "layer effects", "PCA"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachFigureIsAnOpaqueColourPngOfTheReportsSize(string kind)
    {
        var png = kind switch
        {
            "active units" => Figures.ActiveUnits("active units", Layers, TwoModels),
            "layer effects" => Figures.LayerEffects("layer effects", Layers, [("pixel change", [0.05, 0.08, 0]), ("class change", [0.2, 0.5, 0])]),
            _ => Figures.PcaCurves("PCA", [("z1", [0.6, 0.3, 0.1]), ("z2", [0.9, 0.1, 1e-9])]),
        };

        var info = PngFileTests.Info(png);
        Assert.Equal((900, 480), (info.Width, info.Height));
        var rgba = PngFileTests.Decoded(png, SKColorType.Rgba8888);
        var pixels = Enumerable.Range(0, rgba.Length / 4).Select(i => (R: rgba[4 * i], G: rgba[4 * i + 1], B: rgba[4 * i + 2], A: rgba[4 * i + 3])).ToArray();
        Assert.All(pixels, p => Assert.Equal(255, p.A));
        // The background, the black of the text and axes, and the palette's colours for the series.
        Assert.Contains(pixels, p => p is { R: 255, G: 255, B: 255 });
        Assert.Contains(pixels, p => p.R < 64 && p.G < 64 && p.B < 64);
        Assert.Contains(pixels, p => Math.Max(p.R, Math.Max(p.G, p.B)) - Math.Min(p.R, Math.Min(p.G, p.B)) > 100);
    }
}
