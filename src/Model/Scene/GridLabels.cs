namespace LvaeLive.Model.Scene;

/// <summary>
/// What a grid's parts mean, for the audience: a label per row and per column (empty when the mode has none), and
/// the two ends of an interpolation (empty otherwise).
/// </summary>
public sealed record GridLabels(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, string First = "", string Last = "")
{
    public static GridLabels None { get; } = new([], []);
}
