using ScottPlot;
using SkiaSharp;

namespace LvaeLive.Imaging.Reports;

/// <summary>
/// The reports' charts as PNG bytes: real axes, labels and a legend, in the embedded font. A series is one named row
/// of values (a model's, or a measure's), one value per layer or per principal component.
/// </summary>
public static class Figures
{
    private const int Width = 900;
    private const int Height = 480;

    /// <summary>
    /// Grouped bars: one group per layer (labelled with its size), one bar per series (model) in each group.
    /// A light dashed box behind each group marks the layer's size, the most units that could be active.
    /// </summary>
    public static byte[] ActiveUnits(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> models)
    {
        var plot = NewPlot(title, "stochastic layer", "active units (Cov_x E_q[u|x] > 0.01)");
        const double groupWidth = 0.8;
        for (var layer = 0; layer < layerSizes.Length; layer++)
        {
            var size = plot.Add.Bar(new Bar
            {
                Position = layer, Value = layerSizes[layer], Size = groupWidth + 0.08,
                FillColor = Colors.Gray.WithAlpha(0.12), LineColor = Colors.Gray, LineWidth = 1, LinePattern = LinePattern.Dashed,
            });
            size.LegendText = layer == 0 ? "units in the layer" : "";
        }
        AddGroupedBars(plot, models, groupWidth, value => value.ToString("0"));
        LabelLayers(plot, layerSizes);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, layerSizes.Max() * 1.12);
        // Beside the axes, not on them: the tallest bars (the bottom layer) sit where an inner legend would go.
        plot.ShowLegend(Edge.Right);
        return Png(plot);
    }

    /// <summary>
    /// What redrawing each layer's noise alone changes, as grouped bars: one group per layer, one bar per measure, both
    /// in percent (of the grey range for the pixels, of the draws for the class) on one axis.
    /// </summary>
    public static byte[] LayerEffects(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> measures)
    {
        var plot = NewPlot(title, "stochastic layer whose noise is redrawn",
            "% of the grey range (pixels) or of the draws (class)");
        var percents = measures.Select(m => (m.Label, Values: m.Values.Select(v => 100 * v).ToArray())).ToArray();
        AddGroupedBars(plot, percents, groupWidth: 0.7, value => value.ToString(value < 10 ? "0.0" : "0"));
        LabelLayers(plot, layerSizes);
        plot.Axes.Margins(bottom: 0);
        // Room above the tallest bar for its label; an axis of at least 1 % when nothing changes.
        plot.Axes.SetLimitsY(0, Math.Max(1, percents.SelectMany(m => m.Values).Max() * 1.15));
        plot.ShowLegend(Edge.Right);
        return Png(plot);
    }

    /// <summary>
    /// Variance explained by each principal component (1, 2, ...), one line per series, on a log scale so that the
    /// components a layer does not use (1e-6 and below) show as a cliff rather than as zero.
    /// </summary>
    public static byte[] PcaCurves(string title, IReadOnlyList<(string Label, double[] Values)> series)
    {
        var plot = NewPlot(title, "principal component", "fraction of variance explained (log scale)");
        const double floor = 1e-8;
        for (var s = 0; s < series.Count; s++)
        {
            var xs = Enumerable.Range(1, series[s].Values.Length).Select(i => (double)i).ToArray();
            var ys = series[s].Values.Select(v => Math.Log10(Math.Max(v, floor))).ToArray();
            var line = plot.Add.Scatter(xs, ys, Palette(s));
            line.LegendText = series[s].Label;
            line.LineWidth = 2;
            line.MarkerSize = xs.Length <= 16 ? 6 : 3;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => $"1e{exponent:0}",
        };
        plot.ShowLegend(Alignment.UpperRight);
        return Png(plot);
    }

    /// <summary>One bar per series in each layer's group (centred on the layer's position), each labelled with its value.</summary>
    private static void AddGroupedBars(Plot plot, IReadOnlyList<(string Label, double[] Values)> series, double groupWidth, Func<double, string> label)
    {
        var barWidth = groupWidth / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette(s);
            var bars = series[s].Values.Select((value, layer) => new Bar
            {
                Position = layer - groupWidth / 2 + barWidth * (s + 0.5), Value = value, Size = barWidth * 0.9,
                FillColor = color, LineWidth = 0, Label = label(value),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Label;
            plottable.ValueLabelStyle.FontSize = series.Count > 4 ? 9 : 11; // narrower bars, smaller labels, so neighbours stay apart
        }
    }

    private static void LabelLayers(Plot plot, int[] layerSizes) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            layerSizes.Select((size, layer) => new Tick(layer, $"z{layer + 1} ({size})")).ToArray());

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        FigureFont.Apply(plot);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    private static byte[] Png(Plot plot)
    {
        // Skia draws into premultiplied pixels; on the figure's opaque background they are the straight RGBA PngFile takes.
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
            plot.Render(canvas, Width, Height);
        return PngFile.Encode(bitmap.GetPixelSpan(), Width, Height);
    }
}
