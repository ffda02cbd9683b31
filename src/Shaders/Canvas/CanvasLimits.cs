namespace LvaeLive.Shaders.Canvas;

/// <summary>The most each frame may carry; the upload buffers are sized from these once, never per frame.</summary>
public static class CanvasLimits
{
    public const int MaxDigits = 256;
    public const int MaxReconstructionPairs = 64;
    public const int MaxMapPoints = 20_000;
    public const int MaxMarkers = 16;
    public const int MaxTrail = 256;
    public const int MaxPlots = 4;
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
        if (frame.Chrome.CaptionLines is < 0 or > MaxCaptionLines)
            throw new ArgumentException($"a caption band of {frame.Chrome.CaptionLines} lines; 0..{MaxCaptionLines} fit above the panels");
        if (frame.Scene.DigitColumns is < 1 or > 32)
            throw new ArgumentException($"digit grid of {frame.Scene.DigitColumns} columns; 1..32 are drawable");
        Require(frame.Scene.MapPoints.Length, MaxMapPoints, "map points");
        Require(frame.Scene.MapMarkers.Length, MaxMarkers, "map markers");
        Require(frame.Scene.MapTrail.Length, MaxTrail, "trail points");
        Require(frame.Plots.Count, MaxPlots, "plots");
        foreach (var plot in frame.Plots)
        {
            Require(plot.Series.Count, MaxSeriesPerPlot, $"series in plot '{plot.Title}'");
            foreach (var series in plot.Series)
                Require(series.Values.Length, MaxSamplesPerSeries, $"samples in series '{series.Name}'");
        }
        if (!(frame.Chrome.UiScale >= MinUiScale && frame.Chrome.UiScale <= MaxUiScale))
            throw new ArgumentException($"UI scale {frame.Chrome.UiScale} is out of range {MinUiScale}..{MaxUiScale}");
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
