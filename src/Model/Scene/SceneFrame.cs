using System.Numerics;

namespace LvaeLive.Model.Scene;

/// <summary>
/// What the scene shows this frame, as plain data: the decoded grid with its title and labels, the reconstructions,
/// and the selected point on the selected layer's map (map coordinates). Filled again by every update.
/// </summary>
public sealed class SceneFrame
{
    /// <summary>The grid's digits, 784 floats each, row by row.</summary>
    public ReadOnlyMemory<float> Digits { get; internal set; }
    public int Columns { get; internal set; } = SceneContext.GridColumns;
    /// <summary>The selected point's image (the explorer's centre in the explorer): what a claim about "this tile" is judged on.</summary>
    public ReadOnlyMemory<float> SelectedDigit { get; internal set; }
    /// <summary>The tile drawn with a highlight.</summary>
    public int Highlight { get; internal set; }
    public string Title { get; internal set; } = "";
    public GridLabels Labels { get; internal set; } = GridLabels.None;
    /// <summary>The images of <see cref="GridLabels.RowDigits"/>, 784 floats each; empty when rows have none.</summary>
    public ReadOnlyMemory<float> RowHeads { get; internal set; }
    /// <summary>The images of <see cref="GridLabels.ColumnDigits"/>; empty when columns have none.</summary>
    public ReadOnlyMemory<float> ColumnHeads { get; internal set; }
    public ReadOnlyMemory<float> ReconstructionInputs { get; internal set; }
    public ReadOnlyMemory<float> Reconstructions { get; internal set; }
    /// <summary>The map's layer (0-based): the selected one.</summary>
    public int MapLayer { get; internal set; }
    /// <summary>The selected point on the map; null without a map.</summary>
    public Vector2? Marker { get; internal set; }
    /// <summary>Where the selected point was recently (oldest first), on the map.</summary>
    public ReadOnlyMemory<Vector2> Trail { get; internal set; }
}
