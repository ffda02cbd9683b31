using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>The digit grid and the input/reconstruction pairs: both tile grids of 28x28 images.</summary>
internal sealed partial class CanvasComposer
{
    /// <summary>
    /// The generated digits with their labels, heads and ends; in a race, each model's grid in its half of the panel,
    /// labelled alike (they are driven by the same noise), the first taking the pointer. The halves stand side by side
    /// where that shows the grid as well labelled and larger, else one above the other.
    /// </summary>
    private void ComposeDigits(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var heads = (upload.Floats(frame.Scene.DigitRowHeads.Span), upload.Floats(frame.Scene.DigitColumnHeads.Span));
        if (!frame.IsRace)
        {
            _digitsPlacement = ComposeDigitGrid(layout, layout.Digits, frame.DigitsTitle, frame.Scene.Digits, frame, heads, upload);
            return;
        }
        var count = frame.Scene.Digits.Length / TilesPipeline.ImagePixels;
        Rect Content(bool beside) => layout.PanelContent(CanvasLayout.Halves(layout.Digits, layout.Gap, beside).First, _titleText.Face);
        var (across, down) = (FrameGrid(layout, frame, Content(beside: true), count), FrameGrid(layout, frame, Content(beside: false), count));
        var beside = across is { } a && (down is not { } d || (a.Labelled, a.Tile).CompareTo((d.Labelled, d.Tile)) > 0);
        var (first, second) = CanvasLayout.Halves(layout.Digits, layout.Gap, beside);
        var names = frame.Race.RaceNames;
        _digitsPlacement = ComposeDigitGrid(layout, first, frame.DigitsTitle, frame.Scene.Digits, frame, heads, upload, names.First);
        ComposeDigitGrid(layout, second, frame.Race.RivalDigitsTitle, frame.Race.RivalDigits, frame, heads, upload, names.Second);
    }

    private TileGridPlacement? ComposeDigitGrid(CanvasLayout layout, Rect panel, string title, ReadOnlyMemory<float> digits, CanvasFrame frame,
        (uint Rows, uint Columns) heads, FrameUpload upload, string shortTitle = "")
    {
        var count = digits.Length / TilesPipeline.ImagePixels;
        Span<char> note = stackalloc char[24];
        var content = AddPanel(layout, panel, title, SpanText.Number(note, count, "0", " digits"), shortTitle);
        if (count == 0)
            return null;
        if (FrameGrid(layout, frame, content, count) is not { } grid)
            return null;
        AddTiles(new TilesPush
        {
            Origin = new Int2(grid.Grid.X, grid.Grid.Y),
            TileSize = new Int2(grid.Tile, grid.Tile),
            Columns = grid.Columns,
            Rows = grid.Rows,
            Gap = grid.Gap,
            GroupColumns = 1,
            GroupGap = grid.Gap,
            ImageOffset = upload.Floats(digits.Span),
            ImageCount = count,
            ColourMap = (int)frame.Scene.DigitColourMap,
            Highlight = frame.Scene.HighlightDigit,
            HighlightWidth = Math.Max((int)MathF.Round(2 * layout.Scale), 1),
            HighlightColour = Palette.Accent,
        }, panel);
        ComposeGridLabels(frame, panel, content, grid, heads);
        return new TileGridPlacement(grid.Grid.X, grid.Grid.Y, grid.Tile, grid.Gap, grid.Columns, count);
    }

    /// <summary>
    /// The inputs beside their reconstructions; in a race, in two halves, each with its model's reconstructions and
    /// name: side by side where that shows the pairs larger, else one above the other.
    /// </summary>
    private void ComposeReconstructions(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var title = frame.Scene.ReconstructionsTitle;
        if (!frame.IsRace)
        {
            ComposePairs(layout, layout.Reconstructions, title, frame.Scene.Reconstructions, frame, upload);
            return;
        }
        var pairs = frame.Scene.ReconstructionInputs.Length / TilesPipeline.ImagePixels;
        Rect Content(bool beside) => layout.PanelContent(CanvasLayout.Halves(layout.Reconstructions, layout.Gap, beside).First, _titleText.Face);
        var beside = PairGrid(layout, Content(beside: true), pairs).Tile > PairGrid(layout, Content(beside: false), pairs).Tile;
        var (first, second) = CanvasLayout.Halves(layout.Reconstructions, layout.Gap, beside);
        var names = frame.Race.RaceNames;
        Span<char> named = stackalloc char[96];
        ComposePairs(layout, first, NamedTitle(named, names.First, title), frame.Scene.Reconstructions, frame, upload, names.First);
        ComposePairs(layout, second, NamedTitle(named, names.Second, title), frame.Race.RivalReconstructions, frame, upload, names.Second);
    }

    /// <summary>"name: title", or the title alone for a nameless model.</summary>
    private static ReadOnlySpan<char> NamedTitle(Span<char> buffer, string name, string title)
    {
        if (name.Length == 0)
            return title;
        var lead = SpanText.Join(buffer, name, ": ");
        // The lead is already in place at the buffer's start: joining it again only appends the title.
        return SpanText.Join(buffer, lead, title);
    }

    private void ComposePairs(CanvasLayout layout, Rect panel, ReadOnlySpan<char> title, ReadOnlyMemory<float> reconstructions, CanvasFrame frame,
        FrameUpload upload, string shortTitle = "")
    {
        var pairs = frame.Scene.ReconstructionInputs.Length / TilesPipeline.ImagePixels;
        Span<char> note = stackalloc char[24];
        var content = AddPanel(layout, panel, title, SpanText.Number(note, pairs, "0", " pairs"), shortTitle);
        if (pairs == 0)
            return;
        var (tile, perRow, gap, groupGap) = PairGrid(layout, content, pairs);
        if (tile < 1)
            return;
        var grid = new TilesPush
        {
            TileSize = new Int2(tile, tile),
            Columns = 2 * perRow,
            Rows = (pairs + perRow - 1) / perRow,
            Gap = gap,
            GroupColumns = 2,
            GroupGap = groupGap,
            ImageOffset = WritePairs(upload, frame.Scene.ReconstructionInputs.Span, reconstructions.Span),
            ImageCount = 2 * pairs,
            ColourMap = (int)frame.Scene.DigitColourMap,
            Highlight = -1,
        };
        var size = grid.GridSize;
        grid.Origin = new Int2(content.X + (content.Width - size.X) / 2, content.Y + (content.Height - size.Y) / 2);
        AddTiles(grid, panel);
    }

    /// <summary>The largest tile at which <paramref name="pairs"/> pairs fit <paramref name="content"/>, and how many pairs a row takes.</summary>
    private static (int Tile, int PerRow, int Gap, int GroupGap) PairGrid(CanvasLayout layout, Rect content, int pairs)
    {
        var gap = Math.Max((int)MathF.Round(2 * layout.Scale), 1);
        var groupGap = Math.Max((int)MathF.Round(10 * layout.Scale), 2);
        var (bestTile, bestPerRow) = (0, 1);
        for (var perRow = 1; perRow <= pairs; perRow++)
        {
            var rows = (pairs + perRow - 1) / perRow;
            var tile = Math.Min((content.Width - (perRow - 1) * groupGap - perRow * gap) / (2 * perRow), (content.Height - (rows - 1) * gap) / rows);
            if (tile > bestTile)
                (bestTile, bestPerRow) = (tile, perRow);
        }
        return (bestTile, bestPerRow, gap, groupGap);
    }

    private void AddTiles(in TilesPush grid, Rect panel)
    {
        TileGrids.Add(grid);
        Boxes.Area(new Rect(grid.Origin.X, grid.Origin.Y, grid.GridSize.X, grid.GridSize.Y), BoxKind.Tiles, panel);
    }

    /// <summary>Interleaves input i and reconstruction i so that the tile index order puts each pair side by side.</summary>
    private static uint WritePairs(FrameUpload upload, ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputs)
    {
        var offset = upload.Position;
        for (var start = 0; start < inputs.Length; start += TilesPipeline.ImagePixels)
        {
            upload.Floats(inputs.Slice(start, TilesPipeline.ImagePixels));
            upload.Floats(outputs.Slice(start, TilesPipeline.ImagePixels));
        }
        return offset;
    }
}
