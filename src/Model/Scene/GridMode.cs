namespace LvaeLive.Model.Scene;

/// <summary>
/// What the grid shows: the animated walk, an interpolation between two test digits (of the selected layer, or of
/// every layer), a style swap, or the layer explorer. Each has one composer (<see cref="IGridComposer"/>).
/// </summary>
public enum GridMode { Walk, Interpolation, InterpolationAll, StyleSwap, Explorer }

public static class GridModes
{
    /// <summary>The mode's name in state lines, on the command line (lvae record --mode) and in talk files.</summary>
    public static string Name(GridMode mode) => mode switch
    {
        GridMode.InterpolationAll => "interpolation-all",
        GridMode.StyleSwap => "style-swap",
        _ => mode.ToString().ToLowerInvariant(),
    };

    /// <summary>Every mode by its name.</summary>
    public static IReadOnlyDictionary<string, GridMode> ByName { get; } = Enum.GetValues<GridMode>().ToDictionary(Name);

    /// <summary>Going between the two interpolations keeps their digits, so that one layer's walk and every layer's compare.</summary>
    public static bool SharesDigits(GridMode a, GridMode b) => IsInterpolation(a) && IsInterpolation(b);

    private static bool IsInterpolation(GridMode mode) => mode is GridMode.Interpolation or GridMode.InterpolationAll;
}
