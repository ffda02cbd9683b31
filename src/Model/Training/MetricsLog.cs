using System.Text.Json;

namespace LvaeLive.Model.Training;

/// <summary>One line of a run's metrics log: a training step's figures, or (with TestElbo set) an epoch's test score.</summary>
public sealed record MetricsEntry(long Step, int Epoch, double? Elbo = null, double[]? Kl = null, double? Beta = null, double? TestElbo = null);

/// <summary>
/// metrics.jsonl in a run folder: the training curves as JSON lines, beside the TensorBoard events, so that the live
/// view and `lvae record` can show a checkpoint's history without a TensorBoard reader. Appended and flushed line by
/// line, so a crash loses at most the line being written, and reading skips a torn last line.
/// </summary>
public static class MetricsLog
{
    public const string FileName = "metrics.jsonl";

    // Non-finite figures are written as "NaN"/"Infinity" rather than failing the run that logs them.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Append(string runFolder, MetricsEntry entry)
    {
        using var file = new StreamWriter(Path.Combine(runFolder, FileName), append: true);
        file.WriteLine(JsonSerializer.Serialize(entry, Json));
    }

    /// <summary>Every entry up to <paramref name="upToStep"/> (the checkpoint's step: later lines belong to steps that were lost).</summary>
    public static IReadOnlyList<MetricsEntry> Read(string runFolder, long upToStep)
    {
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) return [];
        var entries = new List<MetricsEntry>();
        foreach (var line in File.ReadLines(path))
        {
            MetricsEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<MetricsEntry>(line, Json);
            }
            catch (JsonException)
            {
                continue;
            }
            if (entry is not null && entry.Step <= upToStep) entries.Add(entry);
        }
        return entries;
    }
}
