using System.Numerics;

namespace LvaeLive.Shaders.Canvas;

/// <summary>A 2D point of the latent map with its class label (0..9).</summary>
public readonly record struct MapPoint(float X, float Y, int Label);

/// <summary>A named training series (ELBO, KL of one layer, ...), one value per logged step.</summary>
/// <param name="Colour">Index into the series palette; -1: the series' position in its plot. A race gives both models' curves of a layer one colour.</param>
/// <param name="Dashed">Drawn dashed, to tell the race's second model from its first; a series with an empty name has no legend entry.</param>
public sealed record CurveSeries(string Name, ReadOnlyMemory<float> Values, int Colour = -1, bool Dashed = false);

/// <summary>One small plot of the curves panel; its series share auto-scaled axes. X labels are sample index x StepsPerSample.</summary>
public sealed record CurvePlot(string Title, IReadOnlyList<CurveSeries> Series, float StepsPerSample = 1);

/// <summary>The canvas's four panels, as flags: a talk may show only some of them.</summary>
[Flags]
public enum CanvasPanels
{
    Digits = 1,
    Map = 2,
    Reconstructions = 4,
    Curves = 8,
    All = Digits | Map | Reconstructions | Curves,
}

public enum ColourMap
{
    Grey = 0,
    Viridis = 1,
}

/// <summary>
/// Everything one frame of the canvas shows, as plain data that Host fills (and may reuse from frame to frame). Images
/// are 28x28 floats in [0, 1], 784 per image, row-major; NaN and infinity are drawn in magenta.
/// </summary>
public sealed class CanvasFrame
{
    public string Title { get; set; } = "LvaeLive";

    /// <summary>Generated digits, 784 floats each, shown in a grid of <see cref="DigitColumns"/> columns.</summary>
    public ReadOnlyMemory<float> Digits { get; set; }

    public int DigitColumns { get; set; } = 8;

    /// <summary>Index of the digit tile with a highlight border, or -1.</summary>
    public int HighlightDigit { get; set; } = -1;

    public ColourMap DigitColourMap { get; set; } = ColourMap.Grey;

    public string DigitsTitle { get; set; } = "Samples";

    /// <summary>Inputs and their reconstructions, 784 floats each, in the same order; shown as pairs side by side.</summary>
    public ReadOnlyMemory<float> ReconstructionInputs { get; set; }

    public ReadOnlyMemory<float> Reconstructions { get; set; }

    public string ReconstructionsTitle { get; set; } = "Input | reconstruction";

    public ReadOnlyMemory<MapPoint> MapPoints { get; set; }

    public string MapTitle { get; set; } = "Latent map";

    /// <summary>
    /// The race's second model: its generated digits (as many as <see cref="Digits"/>, from the same noise) and its map.
    /// When set, the digits panel and the map each split in two, the first model on the left; empty for one model.
    /// </summary>
    public ReadOnlyMemory<float> RivalDigits { get; set; }

    public string RivalDigitsTitle { get; set; } = "";

    public ReadOnlyMemory<MapPoint> RivalMapPoints { get; set; }

    public ReadOnlyMemory<Vector2> RivalMapMarkers { get; set; }

    /// <summary>A race's model names, written in the corner of each model's half of the map.</summary>
    public (string First, string Second) RaceNames { get; set; } = ("", "");

    /// <summary>Whether this frame shows a race of two models (see <see cref="RivalDigits"/>).</summary>
    public bool IsRace => !RivalDigits.IsEmpty;

    /// <summary>Current latents on the map (data coordinates), drawn as markers.</summary>
    public ReadOnlyMemory<Vector2> MapMarkers { get; set; }

    /// <summary>Recent path of the current latent (oldest first), drawn as a fading trail.</summary>
    public ReadOnlyMemory<Vector2> MapTrail { get; set; }

    public IReadOnlyList<CurvePlot> Plots { get; set; } = [];

    /// <summary>Status lines at the top right (step, loss, fps, ...).</summary>
    public IReadOnlyList<string> Hud { get; set; } = [];

    /// <summary>The line at the bottom of the canvas (key hints).</summary>
    public string Footer { get; set; } = "";

    /// <summary>Help overlay lines, drawn over everything when <see cref="ShowHelp"/> is set.</summary>
    public IReadOnlyList<string> Help { get; set; } = [];

    public bool ShowHelp { get; set; }

    /// <summary>A talk step's caption: one or two lines drawn large at the bottom, in the caption band when there is one.</summary>
    public IReadOnlyList<string> Caption { get; set; } = [];

    /// <summary>The whole canvas black: the presenter's pause (a recording stays black too).</summary>
    public bool Blank { get; set; }

    /// <summary>Lines of caption that the layout keeps a band for, across the canvas above the footer (0: no band).</summary>
    public int CaptionLines { get; set; }

    /// <summary>The panels shown; hidden ones give their room to the others.</summary>
    public CanvasPanels Panels { get; set; } = CanvasPanels.All;

    /// <summary>User scale for text and spacing on top of the size-based one, 0.5..3.</summary>
    public float UiScale { get; set; } = 1f;
}
