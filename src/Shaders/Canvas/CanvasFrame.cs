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

/// <summary>
/// A race's per-layer figure (KL, active units, class change) as bars: for each group (a layer, bottom first) the
/// first model's bar beside the second's, so that where the two models differ shows at a glance.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Groups, ReadOnlyMemory<float> First, ReadOnlyMemory<float> Second);

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
/// Everything one frame of the canvas shows, as plain data in three parts, each filled by one owner (and reusable from
/// frame to frame): the scene (digits, reconstructions, map), the chrome around it (titles, HUD, curves, caption) and,
/// in a race, the second model. Images are 28x28 floats in [0, 1], 784 per image, row-major; NaN and infinity are
/// drawn in magenta.
/// </summary>
public sealed class CanvasFrame(ScenePart scene, ChromePart chrome, RacePart race)
{
    public CanvasFrame() : this(new ScenePart(), new ChromePart(), new RacePart()) { }

    public ScenePart Scene { get; } = scene;
    public ChromePart Chrome { get; } = chrome;
    /// <summary>The race's second model; empty for one model.</summary>
    public RacePart Race { get; } = race;

    /// <summary>The presenter view's content: set on the presenter's own frame, which then shows this alone.</summary>
    public PresenterPart? Presenter { get; init; }

    /// <summary>Whether this frame shows a race of two models.</summary>
    public bool IsRace => !Race.RivalDigits.IsEmpty;

    /// <summary>The curves drawn: in a race, both models' on shared axes.</summary>
    public IReadOnlyList<CurvePlot> Plots => IsRace ? Race.Plots : Chrome.Plots;

    /// <summary>The per-layer bars drawn after the curves: a race's only.</summary>
    public IReadOnlyList<BarChart> Bars => IsRace ? Race.Bars : [];

    /// <summary>The HUD drawn: in a race, both models' lines.</summary>
    public IReadOnlyList<string> Hud => IsRace ? Race.Hud : Chrome.Hud;

    /// <summary>The digit grid's title: in a race, led by the first model's name.</summary>
    public string DigitsTitle => IsRace ? Race.DigitsTitle : Scene.DigitsTitle;
}
