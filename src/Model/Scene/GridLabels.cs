namespace LvaeLive.Model.Scene;

/// <summary>
/// What a grid's parts mean, for the audience: a label per row and per column (empty when the mode has none), the
/// test digits that head the rows and columns (the style swap's sources; empty otherwise), and the two ends of an
/// interpolation (empty otherwise).
/// </summary>
public sealed record GridLabels(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, string First = "", string Last = "")
{
    public static GridLabels None { get; } = new([], []);

    /// <summary>The test digit each row comes from, when rows come from test digits.</summary>
    public IReadOnlyList<int> RowDigits { get; init; } = [];

    /// <summary>The test digit each column comes from, when columns come from test digits.</summary>
    public IReadOnlyList<int> ColumnDigits { get; init; } = [];
}
