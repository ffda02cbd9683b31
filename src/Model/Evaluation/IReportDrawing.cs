namespace LvaeLive.Model.Evaluation;

/// <summary>
/// Draws a report's pictures as PNG files' bytes. Model is TorchSharp only: it measures, and says what each picture
/// shows in plain numbers; the pixels are src/Imaging's, which the program (Host) hands in. A series is one named row
/// of values (a model's, or a measure's), one value per layer or per principal component.
/// </summary>
public interface IReportDrawing
{
    /// <summary>
    /// Digits (grey levels in [0, 1], 784 per digit, row-major), <paramref name="columns"/> a row; with
    /// <paramref name="pairs"/>, every second column is set apart, so that (original, reconstruction) pairs read as pairs.
    /// </summary>
    byte[] DigitGrid(float[] digits, int columns, bool pairs);

    /// <summary>Each layer's active units, one bar per model, against the layer's size.</summary>
    byte[] ActiveUnits(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> models);

    /// <summary>What redrawing each layer's noise alone changes: fractions (0 to 1), one bar per measure.</summary>
    byte[] LayerEffects(string title, int[] layerSizes, IReadOnlyList<(string Label, double[] Values)> measures);

    /// <summary>The fraction of variance that each principal component explains, one curve per series.</summary>
    byte[] PcaCurves(string title, IReadOnlyList<(string Label, double[] Values)> series);
}
