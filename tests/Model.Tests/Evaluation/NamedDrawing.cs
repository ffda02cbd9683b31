using LvaeLive.Model.Evaluation;

namespace LvaeLive.Model.Tests.Evaluation;

/// <summary>
/// Stands in for src/Imaging's drawing, which Model.Tests does not see: each picture's bytes are the text of what it
/// was asked to show, so a test can tell which picture a report put under which name.
/// </summary>
internal sealed class NamedDrawing : IReportDrawing
{
    public static readonly NamedDrawing Instance = new();

    public byte[] DigitGrid(float[] digits, int columns, bool pairs) =>
        Text($"digit grid: {digits.Length / LvaeConfig.ImagePixels} digits, {columns} a row{(pairs ? ", in pairs" : "")}");

    public byte[] ActiveUnits(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> models) => Text($"active units: {title}");

    public byte[] LayerEffects(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> measures) => Text($"layer effects: {title}");

    public byte[] PcaCurves(string title, IReadOnlyList<(string Label, double[] Values)> series) => Text($"PCA: {title}");

    private static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
