namespace LvaeLive.Shaders.Canvas;

/// <summary>The most each frame may carry; the upload buffers are sized from these once, never per frame.</summary>
public static class CanvasLimits
{
    public const int MaxDigits = 256;
    public const int MaxDigitColumns = 32;
    /// <summary>Images heading a grid's rows, and as many heading its columns.</summary>
    public const int MaxHeads = 32;
    public const int MaxReconstructionPairs = 64;
    public const int MaxMapPoints = 20_000;
    public const int MaxMarkers = 16;
    public const int MaxTrail = 256;
    /// <summary>Plots and bar charts together: the curves panel's cells.</summary>
    public const int MaxPlots = 4;
    /// <summary>Groups of a bar chart: one a layer.</summary>
    public const int MaxBarGroups = 12;
    /// <summary>A race's plot holds two models' series per layer: ten for the paper's five layers.</summary>
    public const int MaxSeriesPerPlot = 12;
    public const int MaxSamplesPerSeries = 4096;
    public const int MaxGlyphsPerBatch = 8192;
    public const int MaxCaptionLines = 3;
    public const float MinUiScale = 0.5f;
    public const float MaxUiScale = 3f;

    public static void Validate(CanvasFrame frame)
    {
        RequireImages(frame.Scene.Digits.Length, MaxDigits, "digits");
        if (frame.IsRace && frame.Race.RivalDigits.Length != frame.Scene.Digits.Length)
            throw new ArgumentException($"{frame.Race.RivalDigits.Length / 784.0:0.#} rival digits for {frame.Scene.Digits.Length / 784.0:0.#} digits; a race compares tile for tile");
        Require(frame.Race.RivalMapPoints.Length, MaxMapPoints, "rival map points");
        Require(frame.Race.RivalMapMarkers.Length, MaxMarkers, "rival map markers");
        RequireImages(frame.Scene.ReconstructionInputs.Length, MaxReconstructionPairs, "reconstruction inputs");
        if (frame.Scene.Reconstructions.Length != frame.Scene.ReconstructionInputs.Length)
            throw new ArgumentException($"{frame.Scene.Reconstructions.Length / 784.0:0.#} reconstructions for {frame.Scene.ReconstructionInputs.Length / 784.0:0.#} inputs; they come in pairs");
        ValidateGridLabels(frame.Scene);
        if (frame.IsRace && frame.Race.RivalReconstructions.Length != frame.Scene.Reconstructions.Length)
            throw new ArgumentException($"{frame.Race.RivalReconstructions.Length / 784.0:0.#} rival reconstructions for {frame.Scene.Reconstructions.Length / 784.0:0.#}; a race shows both models' reconstructions of the same inputs");
        if (frame.Chrome.CaptionLines is < 0 or > MaxCaptionLines)
            throw new ArgumentException($"a caption band of {frame.Chrome.CaptionLines} lines; 0..{MaxCaptionLines} fit above the panels");
        if (frame.Scene.DigitColumns is < 1 or > MaxDigitColumns)
            throw new ArgumentException($"digit grid of {frame.Scene.DigitColumns} columns; 1..{MaxDigitColumns} are drawable");
        Require(frame.Scene.MapPoints.Length, MaxMapPoints, "map points");
        Require(frame.Scene.MapMarkers.Length, MaxMarkers, "map markers");
        Require(frame.Scene.MapTrail.Length, MaxTrail, "trail points");
        Require(frame.Plots.Count + frame.Bars.Count, MaxPlots, "plots and bar charts");
        foreach (var chart in frame.Bars)
        {
            Require(chart.Groups.Count, MaxBarGroups, $"groups in bar chart '{chart.Title}'");
            if (chart.First.Length != chart.Groups.Count || chart.Second.Length != chart.Groups.Count)
                throw new ArgumentException($"bar chart '{chart.Title}' has {chart.Groups.Count} groups but {chart.First.Length} and {chart.Second.Length} values; one value a group for each model");
        }
        foreach (var plot in frame.Plots)
        {
            Require(plot.Series.Count, MaxSeriesPerPlot, $"series in plot '{plot.Title}'");
            foreach (var series in plot.Series)
                Require(series.Values.Length, MaxSamplesPerSeries, $"samples in series '{series.Name}'");
        }
        if (!(frame.Chrome.UiScale >= MinUiScale && frame.Chrome.UiScale <= MaxUiScale))
            throw new ArgumentException($"UI scale {frame.Chrome.UiScale} is out of range {MinUiScale}..{MaxUiScale}");
    }

    /// <summary>A label per row and per column, or none; the heads one image per label, or none.</summary>
    private static void ValidateGridLabels(ScenePart scene)
    {
        var digits = scene.Digits.Length / 784;
        var columns = Math.Min(scene.DigitColumns, Math.Max(digits, 1));
        var rows = (digits + columns - 1) / columns;
        if (scene.DigitRowLabels.Count > 0 && digits > 0 && scene.DigitRowLabels.Count != rows)
            throw new ArgumentException($"{scene.DigitRowLabels.Count} row labels for a grid of {rows} rows; one a row, or none");
        if (scene.DigitColumnLabels.Count > 0 && digits > 0 && scene.DigitColumnLabels.Count != columns)
            throw new ArgumentException($"{scene.DigitColumnLabels.Count} column labels for a grid of {columns} columns; one a column, or none");
        RequireImages(scene.DigitRowHeads.Length, MaxHeads, "row heads");
        RequireImages(scene.DigitColumnHeads.Length, MaxHeads, "column heads");
        if (scene.DigitRowHeads.IsEmpty != scene.DigitColumnHeads.IsEmpty)
            throw new ArgumentException("heads for the rows but not the columns, or the columns but not the rows; a grid has both or neither");
        if (!scene.DigitRowHeads.IsEmpty && (scene.DigitRowHeads.Length / 784 != scene.DigitRowLabels.Count || scene.DigitColumnHeads.Length / 784 != scene.DigitColumnLabels.Count))
            throw new ArgumentException($"{scene.DigitRowHeads.Length / 784} row heads and {scene.DigitColumnHeads.Length / 784} column heads for {scene.DigitRowLabels.Count} row and {scene.DigitColumnLabels.Count} column labels; one head image per labelled row and column");
    }

    private static void RequireImages(int floats, int max, string what)
    {
        if (floats % 784 != 0)
            throw new ArgumentException($"{what}: {floats} floats is not a whole number of 28x28 images (784 floats each)");
        Require(floats / 784, max, what);
    }

    private static void Require(int count, int max, string what)
    {
        if (count > max)
            throw new ArgumentException($"{count} {what} per frame; the canvas draws at most {max}");
    }
}
