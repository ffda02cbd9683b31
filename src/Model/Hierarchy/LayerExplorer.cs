namespace LvaeLive.Model.Hierarchy;

/// <summary>What the explorer's columns show of each row's layer.</summary>
public enum ExplorerColumns
{
    /// <summary>Column 0 is the centre; the others give the layer other noise (moving, when the draws move).</summary>
    Redraws,
    /// <summary>Evenly spaced steps along the layer's first principal axis, through the centre.</summary>
    PrincipalAxis,
}

/// <summary>
/// The layer explorer: one row of <see cref="Columns"/> tiles per layer, the top layer in the top row. Row k varies
/// layer k alone; every other layer keeps the centre's noise, so the row shows what that layer changes given the
/// layers above, with the layers below keeping their style.
/// </summary>
public static class LayerExplorer
{
    public const int Columns = 8;
    /// <summary>Axis steps reach this many standard deviations of the digits' spread either side of the centre.</summary>
    public const float AxisReach = 2f;

    public static int Tiles(int depth) => depth * Columns;

    /// <summary>The row that shows <paramref name="layer"/> (0-based, bottom first): the top layer is row 0.</summary>
    public static int RowOf(int layer, int depth) => depth - 1 - layer;

    /// <summary>The layer (0-based) that row <paramref name="row"/> varies: the inverse of <see cref="RowOf"/>.</summary>
    public static int LayerOfRow(int row, int depth) => depth - 1 - row;

    /// <summary>How far along the axis column <paramref name="column"/> is, in standard deviations: -reach to +reach.</summary>
    public static float AxisPosition(int column) => AxisReach * (2f * column / (Columns - 1) - 1);

    /// <param name="centre">Its first point is the centre.</param>
    /// <param name="draws">At least <see cref="Columns"/> points: column c takes its row's layer from point c.</param>
    /// <param name="grid">Receives <see cref="Tiles"/> points, row by row.</param>
    public static void ComposeRedraws(NoiseGrid centre, NoiseGrid draws, NoiseGrid grid)
    {
        CheckSizes(centre, draws.Tiles, grid);
        Compose(centre, grid, (layer, column, target) =>
        {
            if (column > 0) draws.Of(layer, column).CopyTo(target);
        });
    }

    /// <param name="centre">Its first point is the centre.</param>
    /// <param name="unitSteps">Per layer, the change of its noise that moves it one standard deviation along its axis.</param>
    /// <param name="grid">Receives <see cref="Tiles"/> points, row by row.</param>
    public static void ComposeAlongAxes(NoiseGrid centre, IReadOnlyList<float[]> unitSteps, NoiseGrid grid)
    {
        CheckSizes(centre, Columns, grid);
        Compose(centre, grid, (layer, column, target) =>
        {
            var (step, along) = (unitSteps[layer], AxisPosition(column));
            for (var d = 0; d < target.Length; d++) target[d] += along * step[d];
        });
    }

    private delegate void RowLayer(int layer, int column, Span<float> target);

    /// <summary>Fills every tile with the centre, then lets <paramref name="vary"/> change each row's own layer.</summary>
    private static void Compose(NoiseGrid centre, NoiseGrid grid, RowLayer vary)
    {
        var depth = grid.Depth;
        for (var tile = 0; tile < Tiles(depth); tile++)
        {
            grid.CopyPoint(centre, 0, tile);
            var layer = depth - 1 - tile / Columns;
            vary(layer, tile % Columns, grid.Of(layer, tile));
        }
    }

    private static void CheckSizes(NoiseGrid centre, int draws, NoiseGrid grid)
    {
        if (draws < Columns || grid.Tiles < Tiles(grid.Depth) || centre.Depth != grid.Depth)
            throw new ArgumentException($"the explorer of a {grid.Depth}-layer model needs {Columns} draws and {Tiles(grid.Depth)} tiles");
    }
}
