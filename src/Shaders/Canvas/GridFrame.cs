namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// What a digit grid carries around it, in pixels: a column of text left of its rows, a line of text above its
/// columns, heads (a column of images left of the rows and a row above the columns, <see cref="HeadGap"/> apart from
/// the grid), and a line above and below it all. Zero for what a grid does not carry.
/// </summary>
internal readonly record struct GridDecorations(int RowLabels, int ColumnLabels, bool Heads, int HeadGap, int Above, int Below);

/// <summary>
/// Where a grid of square tiles and its decorations go in a panel's content: the tiles as large as leaves room for
/// everything around them, and the whole centred. The heads are tiles of the grid's size, so that a head and the row
/// or column it heads read alike; the grid shrinks to make room for them and never overlaps them.
/// </summary>
/// <param name="Grid">The tiles themselves.</param>
/// <param name="RowHeads">The column of head tiles left of the grid (empty without heads).</param>
/// <param name="ColumnHeads">The row of head tiles above the grid (empty without heads).</param>
/// <param name="RowLabels">The text column left of the rows (and of their heads).</param>
/// <param name="ColumnLabels">The text line above the columns (and their heads).</param>
/// <param name="Above">The line above everything, as wide as it all.</param>
/// <param name="Below">The line below everything, as wide as it all.</param>
internal readonly record struct GridFrame(int Tile, int Gap, int Columns, int Rows, Rect Grid, Rect RowHeads, Rect ColumnHeads,
    Rect RowLabels, Rect ColumnLabels, Rect Above, Rect Below)
{
    /// <summary>The frame of a <paramref name="columns"/> x <paramref name="rows"/> grid with <paramref name="gap"/> between tiles; null when not even one-pixel tiles fit.</summary>
    public static GridFrame? Fit(Rect content, int columns, int rows, int gap, GridDecorations decorations)
    {
        var heads = decorations.Heads ? 1 : 0;
        var headRoom = heads * decorations.HeadGap;
        var fixedWidth = decorations.RowLabels + headRoom + (columns - 1) * gap;
        var fixedHeight = decorations.Above + decorations.ColumnLabels + headRoom + (rows - 1) * gap + decorations.Below;
        var tile = Math.Min((content.Width - fixedWidth) / (columns + heads), (content.Height - fixedHeight) / (rows + heads));
        if (tile < 1)
            return null;
        var (gridWidth, gridHeight) = (columns * tile + (columns - 1) * gap, rows * tile + (rows - 1) * gap);
        var headSpan = heads * (tile + decorations.HeadGap);
        var width = decorations.RowLabels + headSpan + gridWidth;
        var height = decorations.Above + decorations.ColumnLabels + headSpan + gridHeight + decorations.Below;
        var (x, y) = (content.X + (content.Width - width) / 2, content.Y + (content.Height - height) / 2);
        var gridX = x + decorations.RowLabels + headSpan;
        var headsY = y + decorations.Above + decorations.ColumnLabels;
        var gridY = headsY + headSpan;
        var grid = new Rect(gridX, gridY, gridWidth, gridHeight);
        return new GridFrame(tile, gap, columns, rows, grid,
            RowHeads: heads > 0 ? new Rect(gridX - headSpan, gridY, tile, gridHeight) : default,
            ColumnHeads: heads > 0 ? new Rect(gridX, headsY, gridWidth, tile) : default,
            RowLabels: new Rect(x, gridY, decorations.RowLabels, gridHeight),
            ColumnLabels: new Rect(gridX, y + decorations.Above, gridWidth, decorations.ColumnLabels),
            Above: new Rect(x, y, width, decorations.Above),
            Below: new Rect(x, grid.Bottom, width, decorations.Below));
    }

    /// <summary>Whether any text goes with the grid: labels, a line above or below it.</summary>
    public bool Labelled => RowLabels.Width > 0 || ColumnLabels.Height > 0 || Above.Height > 0 || Below.Height > 0;

    /// <summary>The horizontal middle of column <paramref name="column"/>.</summary>
    public int ColumnCentre(int column) => Grid.X + column * (Tile + Gap) + Tile / 2;

    /// <summary>The vertical middle of row <paramref name="row"/>.</summary>
    public int RowCentre(int row) => Grid.Y + row * (Tile + Gap) + Tile / 2;
}
