namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// The style swap: a square grid whose row r takes the noise of the layers above a split from digit r and whose
/// column c takes the noise of the split layer and those below it from digit <see cref="Columns"/> + c. In noise
/// space both halves matter: the upper layers move the lower ones through their priors (rows differ: "what"), while
/// the lower layers keep their own noise (columns differ: "how").
/// </summary>
public static class StyleSwap
{
    public const int Columns = 8;
    public const int Tiles = Columns * Columns;
    /// <summary>Digits the swap is made of: one per row, then one per column.</summary>
    public const int Digits = 2 * Columns;

    /// <summary>
    /// The highest layer that comes from the column digits when <paramref name="selected"/> is chosen: the selected
    /// layer itself, except the top one, which would leave the rows nothing to take, and, with three layers or more,
    /// the bottom one: z_1 alone changes a digit's strokes so little that the eight columns of the shipped model look
    /// the same (measured: a fifth of the per-pixel change that z_1 and z_2 together make), so the columns take two.
    /// </summary>
    public static int SplitFor(int selected, int depth) => Math.Clamp(selected, depth >= 3 ? 1 : 0, Math.Max(depth - 2, 0));

    /// <param name="digits">At least <see cref="Digits"/> points: the rows' digits, then the columns'.</param>
    /// <param name="split">Layers 0..split come from the columns' digits, the layers above from the rows'.</param>
    /// <param name="grid">Receives <see cref="Tiles"/> points, row by row.</param>
    public static void Compose(NoiseGrid digits, int split, NoiseGrid grid)
    {
        if (digits.Tiles < Digits || grid.Tiles < Tiles)
            throw new ArgumentException($"a style swap takes {Digits} digits into {Tiles} tiles");
        for (var tile = 0; tile < Tiles; tile++)
        {
            var (row, column) = (tile / Columns, tile % Columns);
            for (var layer = 0; layer < grid.Depth; layer++)
                grid.CopyLayer(digits, layer > split ? row : Columns + column, tile, layer);
        }
    }
}
