using System.Text;
using static LvaeLive.Model.Evaluation.ReportText;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>The files of one model's evaluation: figures, sample grids, report.md for people and report.json for machines.</summary>
public static class EvaluationFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string PriorSamples = "prior-samples.png";
    public const string Reconstructions = "reconstructions.png";
    public const string ActiveUnitsFigure = "active-units.png";
    public const string PcaFigure = "pca.png";
    public const string LayerEffectsFigure = "layer-effects.png";
    private const int GridColumns = 10;
    private const int PriorDigits = 100;
    private const int ReconstructedDigits = 50;

    /// <summary>The report's files, its pictures drawn by <paramref name="drawing"/>.</summary>
    public static ReportFiles Build(EvaluationReport report, HierarchicalModel model, Tensor images, string checkpoint, IReportDrawing drawing)
    {
        var kind = report.Config.Kind.ToString().ToUpperInvariant();
        var files = new ReportFiles();
        files.Add(PriorSamples, drawing.DigitGrid(SampleImages.FromPrior(model, PriorDigits), GridColumns, pairs: false));
        files.Add(Reconstructions, drawing.DigitGrid(SampleImages.WithReconstructions(model, images, ReconstructedDigits), GridColumns, pairs: true));
        files.Add(ActiveUnitsFigure, drawing.ActiveUnits($"Active units per layer: {kind}",
            report.Config.LatentSizes, [(kind, report.Layers.Select(l => (double)l.ActiveUnits).ToArray())]));
        files.Add(PcaFigure, drawing.PcaCurves("Variance explained by each principal component of E_q[z_i | x]",
            report.Layers.Select(l => ($"z{l.Layer} ({l.Units} units)", l.PcaVarianceExplained)).ToArray()));
        files.Add(LayerEffectsFigure, drawing.LayerEffects($"What redrawing one layer's noise changes: {kind}",
            report.Config.LatentSizes, LayerEffectSeries(report)));
        files.Add(Markdown, RenderMarkdown(report, checkpoint));
        files.Add(Json, ReportText.Json(report));
        return files;
    }

    /// <summary>The chart's two series: each layer's pixel change and class change.</summary>
    private static (string Label, double[] Values)[] LayerEffectSeries(EvaluationReport report) =>
    [
        ("pixel change", report.Layers.Select(l => l.PixelChange).ToArray()),
        ("class change", report.Layers.Select(l => l.ClassChange).ToArray()),
    ];

    private static string RenderMarkdown(EvaluationReport r, string checkpoint)
    {
        var text = new StringBuilder();
        text.Append($"# Evaluation of {r.Model}\n\n");
        text.Append($"Checkpoint `{checkpoint}` after {r.EpochsTrained} epochs (weights SHA-256 `{r.WeightsSha256[..12]}`), ");
        text.Append($"scored on {r.Images} MNIST test images, binarized once with a fixed seed. All values are nats per image.\n\n");
        text.Append(Table(["measure", "nats"],
        [
            [$"log p(x), importance-weighted, k = {r.IwSamples}", Nats(r.LogLikelihood)],
            ["ELBO, 1 sample", Nats(r.Elbo)],
            ["reconstruction, E_q log p(x given z)", Nats(r.Reconstruction)],
            ["KL, all layers", Nats(r.Layers.Sum(l => l.Kl))],
        ]));
        text.Append("\n## Per layer\n\n");
        text.Append($"A unit is active when Cov_x(E_q[u given x]) > {ActiveUnits.Threshold}. PCA is of E_q[z_i given x] over the test set.\n\n");
        text.Append(Table(["layer", "units", "KL", "active units", "variance explained by PC 1", "components for 99 %"],
            r.Layers.Select(l => new[]
            {
                $"z{l.Layer}", $"{l.Units}", Nats(l.Kl), $"{l.ActiveUnits}", Fraction(l.PcaVarianceExplained[0]),
                $"{ComponentsFor(l.PcaVarianceExplained, 0.99)}",
            })));
        text.Append($"\n![Active units per layer]({ActiveUnitsFigure})\n\n![PCA of the posterior means per layer]({PcaFigure})\n\n");
        text.Append("## What each layer changes\n\n");
        text.Append(LayerEffectsText(r));
        text.Append("\n");
        text.Append(Table(["layer", "pixel change", "class change"],
            r.Layers.Select(l => new[] { $"z{l.Layer}", PixelChange(l.PixelChange), Fraction(l.ClassChange) })));
        text.Append($"\n![What redrawing one layer's noise changes]({LayerEffectsFigure})\n\n");
        text.Append("## Samples\n\n");
        text.Append($"From the prior (E[x given z_1] for z drawn top-down):\n\n![Samples from the prior]({PriorSamples})\n\n");
        text.Append($"Test digits, each followed by its reconstruction:\n\n![Test digits and reconstructions]({Reconstructions})\n\n");
        text.Append($"Evaluated in {r.Timing.TotalSeconds:F0} s; importance sampling ran at {r.Timing.ImportanceSamplesPerSecond:F0} (image, sample) pairs per second.\n");
        return text.ToString();
    }
}
