using System.Globalization;
using System.Text.Json;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;

namespace LvaeLive.Model.Evaluation;

/// <summary>The formatting that every report shares: numbers in the invariant culture, Markdown tables, JSON.</summary>
internal static class ReportText
{
    public static string Nats(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public static string Fraction(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>A mean absolute change of grey levels (0 to 1) as a percentage of their range, fine enough for a layer that changes little.</summary>
    public static string PixelChange(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    /// <summary>How a report introduces its layer effects: what was redrawn, over how many draws, judged by what.</summary>
    public static string LayerEffectsText(EvaluationReport r) =>
        $"Each layer's noise eps_i redrawn alone, every other layer's kept, over {r.EffectDraws} draws from the prior (seed {LayerEffects.Seed}): " +
        "the pixel change is the mean absolute change of E[x given z_1] per pixel, as a share of the grey range; the class change is how " +
        $"often the digit's class changes, as judged by a digit classifier ({DigitClassifier.Architecture}) with {Fraction(r.ClassifierAccuracy)} test accuracy.\n";

    public static string Table(string[] header, IEnumerable<string[]> rows) =>
        $"| {string.Join(" | ", header)} |\n|{string.Concat(header.Select(_ => " --- |"))}\n" +
        string.Concat(rows.Select(row => $"| {string.Join(" | ", row)} |\n"));

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, CheckpointStore.Json) + "\n";

    /// <summary>The number of principal components that together explain <paramref name="share"/> of the variance.</summary>
    public static int ComponentsFor(double[] varianceExplained, double share)
    {
        double sum = 0;
        for (var i = 0; i < varianceExplained.Length; i++)
            if ((sum += varianceExplained[i]) >= share - 1e-12) return i + 1;
        return varianceExplained.Length;
    }
}
