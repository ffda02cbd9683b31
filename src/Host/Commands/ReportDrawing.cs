using LvaeLive.Imaging.Reports;
using LvaeLive.Model.Evaluation;

namespace LvaeLive.Host.Commands;

/// <summary>The reports' pictures, drawn by src/Imaging: what `eval` and `compare` hand their evaluations.</summary>
internal sealed class ReportDrawing : IReportDrawing
{
    public byte[] DigitGrid(float[] digits, int columns, bool pairs) => Imaging.Reports.DigitGrid.Png(digits, columns, pairs);

    public byte[] ActiveUnits(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> models) =>
        Figures.ActiveUnits(title, layerSizes, models);

    public byte[] LayerEffects(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> measures) =>
        Figures.LayerEffects(title, layerSizes, measures);

    public byte[] PcaCurves(string title, IReadOnlyList<(string Label, double[] Values)> series) => Figures.PcaCurves(title, series);
}
