using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// What a digit grid says about itself: its rows' and columns' labels (the explorer's layers and redraws or axis
/// steps), the images that head its rows and columns (the style swap's source digits) with what they give, and where
/// an interpolation starts and ends.
/// </summary>
internal sealed partial class CanvasComposer
{
    /// <summary>The style swap's heads, in words, longest first: the rows keep the upper layers of their head, the columns the lower ones.</summary>
    private static readonly string[] HeadsWords = ["rows: what (upper layers)   columns: how (lower layers)", "rows: what   columns: how", "rows: what  cols: how"];

    /// <summary>What leads an interpolation's ends.</summary>
    private const string From = "from ", To = "to ";

    /// <summary>The most a grid's tiles may shrink to make room for its heads' names: beyond, the images speak alone.</summary>
    private const float HeadNamesShrink = 0.85f;

    /// <summary>The share of their unlabelled size that a grid's tiles keep at least when labelled: a grid too small to read makes its labels moot.</summary>
    private const float MinLabelledShare = 0.5f;

    /// <summary>
    /// The frame of a grid of <paramref name="count"/> digits with all it carries: its labels, heads and ends. Where the text would leave the tiles less
    /// than <see cref="MinLabelledShare"/> of their size without it, the text gives way; the heads stay while any tile
    /// fits beside them. Null when no tile fits at all.
    /// </summary>
    private GridFrame? FrameGrid(CanvasLayout layout, CanvasFrame frame, Rect content, int count)
    {
        var scene = frame.Scene;
        var columns = Math.Min(scene.DigitColumns, count);
        var rows = (count + columns - 1) / columns;
        var gap = Math.Max((int)MathF.Round(2 * layout.Scale), 1);
        var body = _bodyText.Face;
        var line = body.CellHeight + gap;
        var heads = !scene.DigitRowHeads.IsEmpty;
        // The ends are written whole or not at all: a cut "from #12…" names no digit.
        var (first, last) = scene.DigitEnds;
        var endsWidth = Math.Max(first.Length > 0 ? _bodyText.Measure(From) + _bodyText.Measure(first) : 0, last.Length > 0 ? _bodyText.Measure(To) + _bodyText.Measure(last) : 0);
        var ends = endsWidth > 0 && endsWidth <= content.Width;
        var bare = new GridDecorations(0, 0, heads, heads ? layout.Padding : 0, 0, 0);
        var plain = bare with { Above = ends ? line : 0, Below = ends || heads ? line : 0 };
        var rowNames = Widest(scene.DigitRowLabels) is var rowWidth and > 0 ? rowWidth + body.CellWidth / 2 : 0;
        var named = plain with { RowLabels = rowNames, ColumnLabels = scene.DigitColumnLabels.Count > 0 ? line : 0 };
        var withNames = GridFrame.Fit(content, columns, rows, gap, named);
        var without = GridFrame.Fit(content, columns, rows, gap, plain);
        // Heads are named only where the names cost the tiles little and each column's name fits over its column.
        var chosen = !heads ? withNames
            : withNames is { } rich && without is { } unnamed && rich.Tile >= HeadNamesShrink * unnamed.Tile
                && Widest(scene.DigitColumnLabels) <= rich.Tile + gap - body.CellWidth / 2 ? rich : without;
        var tiles = GridFrame.Fit(content, columns, rows, gap, bare);
        return chosen is { } fits && tiles is { } alone && fits.Tile >= MinLabelledShare * alone.Tile ? fits : tiles;
    }

    /// <summary>The heads' tiles, their names, the rows' and columns' labels and the ends, around a grid in <paramref name="panel"/>.</summary>
    private void ComposeGridLabels(CanvasFrame frame, Rect panel, Rect content, in GridFrame grid, (uint Rows, uint Columns) heads)
    {
        var scene = frame.Scene;
        var body = _bodyText.Face;
        if (grid.RowHeads.Width > 0)
        {
            ComposeHeads(frame, panel, grid, grid.RowHeads, 1, grid.Rows, heads.Rows);
            ComposeHeads(frame, panel, grid, grid.ColumnHeads, grid.Columns, 1, heads.Columns);
        }
        if (grid.RowHeads.Width > 0 && grid.Below.Height > 0)
        {
            var words = HeadsWords[^1];
            for (var variant = HeadsWords.Length - 1; variant >= 0; variant--)
                words = _bodyText.Measure(HeadsWords[variant]) <= content.Width ? HeadsWords[variant] : words;
            var width = Math.Min(_bodyText.Measure(words), content.Width);
            var x = Math.Clamp((grid.RowHeads.X + grid.Grid.Right - width) / 2, content.X, content.Right - width);
            _bodyText.Add(words, x, grid.Below.Bottom - body.CellHeight, Palette.Dim, content.Width, panel);
        }
        // Each row's label level with it, kept beside the grid; where rows are closer than a line, those between clear ones go.
        if (grid.RowLabels.Width > 0 && grid.RowLabels.Height >= body.CellHeight)
        {
            var highlighted = scene.HighlightDigit >= 0 ? scene.HighlightDigit / grid.Columns : -1;
            var end = int.MinValue;
            for (var row = 0; row < scene.DigitRowLabels.Count; row++)
            {
                var label = scene.DigitRowLabels[row];
                var y = Math.Clamp(grid.RowCentre(row) - body.CellHeight / 2, grid.RowLabels.Y, grid.RowLabels.Bottom - body.CellHeight);
                if (y < end)
                    continue;
                var width = _bodyText.Measure(label);
                _bodyText.Add(label, grid.RowLabels.Right - body.CellWidth / 2 - width, y, row == highlighted ? Palette.Accent : Palette.Text, width, panel);
                end = y + body.CellHeight;
            }
        }
        if (grid.ColumnLabels.Height > 0)
            ComposeColumnLabels(scene.DigitColumnLabels, grid, content, panel);
        // The ends start over the first tile and end under the last, reaching past the grid into the panel if need be.
        Span<char> text = stackalloc char[64];
        var (first, last) = scene.DigitEnds;
        if (first.Length > 0 && grid.Above.Height > 0)
        {
            var start = SpanText.Join(text, From, first);
            var x = Math.Max(Math.Min(grid.Grid.X, content.Right - _bodyText.Measure(start)), content.X);
            _bodyText.Add(start, x, grid.Above.Y, Palette.Text, content.Right - x, panel);
        }
        if (last.Length > 0 && grid.Below.Height > 0)
        {
            var ending = SpanText.Join(text, To, last);
            var x = Math.Max(Math.Min(grid.Grid.Right, content.Right) - _bodyText.Measure(ending), content.X);
            _bodyText.Add(ending, x, grid.Below.Bottom - body.CellHeight, Palette.Text, content.Right - x, panel);
        }
    }

    /// <summary>
    /// Each column's label centred over it (kept inside the content): the first and the last always, those between
    /// where they stand clear of their neighbours, so that a narrow grid still shows where its columns go. Where even
    /// the first and the last would touch, they hang outwards from their columns.
    /// </summary>
    private void ComposeColumnLabels(IReadOnlyList<string> labels, in GridFrame grid, Rect content, Rect panel)
    {
        var space = _bodyText.Face.CellWidth / 2;
        var last = labels.Count - 1;
        var (firstX, lastX) = (Centred(labels[0], grid.ColumnCentre(0)), Centred(labels[last], grid.ColumnCentre(last)));
        if (last > 0 && firstX + _bodyText.Measure(labels[0]) + space > lastX)
            (firstX, lastX) = (Math.Min(firstX, grid.ColumnCentre(0) + grid.Tile / 2 - _bodyText.Measure(labels[0])), Math.Max(lastX, grid.ColumnCentre(last) - grid.Tile / 2));
        int Inside(string label, int x) => Math.Max(Math.Min(x, content.Right - _bodyText.Measure(label)), content.X);
        (firstX, lastX) = (Inside(labels[0], firstX), Inside(labels[last], lastX));
        var end = int.MinValue;
        for (var column = 0; column <= last; column++)
        {
            var width = _bodyText.Measure(labels[column]);
            var x = column == 0 ? firstX : column == last ? lastX : Inside(labels[column], Centred(labels[column], grid.ColumnCentre(column)));
            if (x < end + space || (column < last && x + width + space > lastX))
                continue;
            _bodyText.Add(labels[column], x, grid.ColumnLabels.Y, Palette.Text, width, panel);
            end = x + width;
        }
    }

    private int Centred(string label, int centre) => centre - _bodyText.Measure(label) / 2;

    /// <summary>A group of heads on a band of its own, a gap from the grid: they head it, they are not part of it.</summary>
    private void ComposeHeads(CanvasFrame frame, Rect panel, in GridFrame grid, Rect heads, int columns, int rows, uint offset)
    {
        var band = heads.Inset(-grid.Gap);
        AddInnerPanel(band, panel, Palette.HeadBand, Palette.HeadBand, 2 * grid.Gap, 0);
        AddTiles(HeadTiles(frame, grid, heads, columns, rows, offset), band);
    }

    private static TilesPush HeadTiles(CanvasFrame frame, in GridFrame grid, Rect heads, int columns, int rows, uint offset) => new()
    {
        Origin = new Int2(heads.X, heads.Y),
        TileSize = new Int2(grid.Tile, grid.Tile),
        Columns = columns,
        Rows = rows,
        Gap = grid.Gap,
        GroupColumns = 1,
        GroupGap = grid.Gap,
        ImageOffset = offset,
        ImageCount = columns * rows,
        ColourMap = (int)frame.Scene.DigitColourMap,
        Highlight = -1,
    };

    private int Widest(IReadOnlyList<string> labels)
    {
        var widest = 0;
        for (var index = 0; index < labels.Count; index++)
            widest = Math.Max(widest, _bodyText.Measure(labels[index]));
        return widest;
    }
}
