using System.Text;
using static LvaeLive.Model.Evaluation.ReportText;

namespace LvaeLive.Model.Evaluation;

/// <summary>A comparison's files, in the paper's shape: the table of log-likelihoods, active units, PCA per layer, samples.</summary>
public static class ComparisonFiles
{
    public const string Json = "comparison.json";
    public const string Markdown = "report.md";
    public const string ActiveUnitsFigure = "active-units.png";

    public static string PcaFigure(int layer) => $"pca-z{layer}.png";

    /// <summary>The comparison's files, its figures drawn by <paramref name="drawing"/>.</summary>
    public static ReportFiles Build(ComparisonReport report, IReportDrawing drawing)
    {
        var files = new ReportFiles();
        var sizes = report.Models[0].Evaluation.Config.LatentSizes;
        files.Add(ActiveUnitsFigure, drawing.ActiveUnits("Active units per layer",
            sizes, report.Models.Select(m => (m.Label, m.Evaluation.Layers.Select(l => (double)l.ActiveUnits).ToArray())).ToArray()));
        for (var layer = 1; layer <= sizes.Length; layer++)
            files.Add(PcaFigure(layer), drawing.PcaCurves($"PCA of E_q[z{layer} | x] ({sizes[layer - 1]} units): variance explained per component",
                report.Models.Select(m => (m.Label, m.Evaluation.Layers[layer - 1].PcaVarianceExplained)).ToArray()));
        files.Add(Markdown, RenderMarkdown(report, sizes));
        files.Add(Json, ReportText.Json(report));
        return files;
    }

    private static string RenderMarkdown(ComparisonReport report, int[] sizes)
    {
        var first = report.Models[0];
        var t = first.Training;
        var text = new StringBuilder();
        text.Append("# VAE against Ladder VAE\n\n");
        text.Append($"Every model: latents {string.Join("-", sizes)}, hidden {string.Join("-", first.Evaluation.Config.HiddenSizes)}, " +
            $"{t.Epochs} epochs of batch {t.BatchSize}{(t.TrainLimit > 0 ? $" on the first {t.TrainLimit} training images" : "")}, " +
            $"Adam {t.DescribeSchedule()}, seed {t.Seed}. " +
            $"Scored on {first.Evaluation.Images} test images; log p(x) is importance-weighted with k = {first.Evaluation.IwSamples}. Nats per image.\n\n");
        text.Append(LayerEffectsText(first.Evaluation));
        text.Append("\n");
        text.Append(Table(["model", "batch norm", "warm-up epochs", "log p(x)", "ELBO", "KL per layer", "active units per layer",
                "pixel change per layer", "class change per layer"],
            report.Models.Select(m => new[]
            {
                $"[{m.Label}]({m.EvaluationFolder}/{EvaluationFiles.Markdown})", m.Evaluation.Config.BatchNorm ? "on" : "off",
                $"{m.Training.WarmupEpochs:G3}", Nats(m.Evaluation.LogLikelihood), Nats(m.Evaluation.Elbo),
                string.Join(" / ", m.Evaluation.Layers.Select(l => Nats(l.Kl))),
                string.Join(" / ", m.Evaluation.Layers.Select(l => $"{l.ActiveUnits}")),
                string.Join(" / ", m.Evaluation.Layers.Select(l => PixelChange(l.PixelChange))),
                string.Join(" / ", m.Evaluation.Layers.Select(l => Fraction(l.ClassChange))),
            })));
        text.Append($"\n## Active units\n\nA unit is active when Cov_x(E_q[u given x]) > {ActiveUnits.Threshold}.\n\n![Active units per layer]({ActiveUnitsFigure})\n\n");
        text.Append("## PCA of the posterior means, per layer\n\n");
        for (var layer = 1; layer <= sizes.Length; layer++)
            text.Append($"![PCA of z{layer}]({PcaFigure(layer)})\n\n");
        text.Append("## Samples from the prior, and test digits beside their reconstructions\n\n");
        text.Append(Table(report.Models.Select(m => m.Label).ToArray(),
        [
            report.Models.Select(m => $"![prior samples, {m.Label}]({m.EvaluationFolder}/{EvaluationFiles.PriorSamples})").ToArray(),
            report.Models.Select(m => $"![reconstructions, {m.Label}]({m.EvaluationFolder}/{EvaluationFiles.Reconstructions})").ToArray(),
        ]));
        return text.ToString();
    }
}
