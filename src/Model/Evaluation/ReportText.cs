using System.Globalization;
using System.Text.Json;
using LvaeLive.Model.Checkpoints;

namespace LvaeLive.Model.Evaluation;

/// <summary>The formatting that every report shares: numbers in the invariant culture, Markdown tables, JSON.</summary>
internal static class ReportText
{
    public static string Nats(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    public static string Fraction(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

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
