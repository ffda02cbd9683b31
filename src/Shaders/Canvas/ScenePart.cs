using System.Numerics;

namespace LvaeLive.Shaders.Canvas;

/// <summary>The part of a frame that the scene fills: the digit grid, the reconstructions and the latent map.</summary>
public sealed class ScenePart
{
    /// <summary>Generated digits, 784 floats each, shown in a grid of <see cref="DigitColumns"/> columns.</summary>
    public ReadOnlyMemory<float> Digits { get; set; }

    public int DigitColumns { get; set; } = 8;

    /// <summary>Index of the digit tile with a highlight border, or -1.</summary>
    public int HighlightDigit { get; set; } = -1;

    public ColourMap DigitColourMap { get; set; } = ColourMap.Grey;

    public string DigitsTitle { get; set; } = "Samples";

    /// <summary>What each row of the grid shows, for the audience (the explorer's layers); empty: no row heads.</summary>
    public IReadOnlyList<string> DigitRowLabels { get; set; } = [];

    /// <summary>What each column of the grid shows (the explorer's redraws or axis steps); empty: no column heads.</summary>
    public IReadOnlyList<string> DigitColumnLabels { get; set; } = [];

    /// <summary>
    /// Images that head the rows and columns (the style swap's source digits, 784 floats each, one per row and one per
    /// column), named by <see cref="DigitRowLabels"/> and <see cref="DigitColumnLabels"/>; empty: text heads only.
    /// </summary>
    public ReadOnlyMemory<float> DigitRowHeads { get; set; }

    public ReadOnlyMemory<float> DigitColumnHeads { get; set; }

    /// <summary>Where the grid starts and ends (an interpolation's two digits), written before its first tile and after its last; empty: none.</summary>
    public (string First, string Last) DigitEnds { get; set; } = ("", "");

    /// <summary>Inputs and their reconstructions, 784 floats each, in the same order; shown as pairs side by side.</summary>
    public ReadOnlyMemory<float> ReconstructionInputs { get; set; }

    public ReadOnlyMemory<float> Reconstructions { get; set; }

    public string ReconstructionsTitle { get; set; } = "Input | reconstruction";

    public ReadOnlyMemory<MapPoint> MapPoints { get; set; }

    public string MapTitle { get; set; } = "Latent map";

    /// <summary>Current latents on the map (data coordinates), drawn as markers.</summary>
    public ReadOnlyMemory<Vector2> MapMarkers { get; set; }

    /// <summary>Recent path of the current latent (oldest first), drawn as a fading trail.</summary>
    public ReadOnlyMemory<Vector2> MapTrail { get; set; }
}
