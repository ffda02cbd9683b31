using System.Numerics;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// The part of a frame that a race fills: the second model's digits (as many as the first's, from the same noise) and
/// map, and what the race shows of both in place of one model's (named grid title, merged curves, per-layer bars,
/// both HUDs). When
/// <see cref="RivalDigits"/> is set, the digits panel and the map each split in two, the first model on the left.
/// </summary>
public sealed class RacePart
{
    public ReadOnlyMemory<float> RivalDigits { get; set; }

    public string RivalDigitsTitle { get; set; } = "";

    public ReadOnlyMemory<MapPoint> RivalMapPoints { get; set; }

    public ReadOnlyMemory<Vector2> RivalMapMarkers { get; set; }

    /// <summary>The second model's reconstructions of the same inputs, shown beside the first's.</summary>
    public ReadOnlyMemory<float> RivalReconstructions { get; set; }

    /// <summary>The models' names, written in the corner of each model's half of the map, on each reconstructions half and in the curves' legends.</summary>
    public (string First, string Second) RaceNames { get; set; } = ("", "");

    /// <summary>The first model's grid title, led by its name.</summary>
    public string DigitsTitle { get; set; } = "";

    /// <summary>Both models' curves, plot by plot.</summary>
    public IReadOnlyList<CurvePlot> Plots { get; set; } = [];

    /// <summary>Both models' latest per-layer figures side by side, in the curves panel after the plots.</summary>
    public IReadOnlyList<BarChart> Bars { get; set; } = [];

    /// <summary>Both models' HUD lines.</summary>
    public IReadOnlyList<string> Hud { get; set; } = [];
}
