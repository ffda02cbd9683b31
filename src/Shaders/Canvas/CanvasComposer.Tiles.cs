using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>The digit grid and the input/reconstruction pairs: both tile grids of 28x28 images.</summary>
internal sealed partial class CanvasComposer
{
    /// <summary>The generated digits; in a race, each model's grid in its half of the panel, the first taking the pointer.</summary>
    private void ComposeDigits(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        if (!frame.IsRace)
        {
            _digitsPlacement = ComposeDigitGrid(layout, layout.Digits, frame.DigitsTitle, frame.Scene.Digits, frame, upload);
            return;
        }
        var (first, second) = CanvasLayout.Halves(layout.Digits, layout.Gap);
        _digitsPlacement = ComposeDigitGrid(layout, first, frame.DigitsTitle, frame.Scene.Digits, frame, upload);
        ComposeDigitGrid(layout, second, frame.Race.RivalDigitsTitle, frame.Race.RivalDigits, frame, upload);
    }

    private TileGridPlacement? ComposeDigitGrid(CanvasLayout layout, Rect panel, string title, ReadOnlyMemory<float> digits, CanvasFrame frame, FrameUpload upload)
    {
        var count = digits.Length / TilesPipeline.ImagePixels;
        Span<char> note = stackalloc char[24];
        var content = AddPanel(layout, panel, title, SpanText.Number(note, count, "0", " digits"));
        if (count == 0)
            return null;
        var columns = Math.Min(frame.Scene.DigitColumns, count);
        var rows = (count + columns - 1) / columns;
        var gap = Math.Max((int)MathF.Round(2 * layout.Scale), 1);
        var tile = Math.Min((content.Width - (columns - 1) * gap) / columns, (content.Height - (rows - 1) * gap) / rows);
        if (tile < 1)
            return null;
        var grid = new TilesPush
        {
            TileSize = new Int2(tile, tile),
            Columns = columns,
            Rows = rows,
            Gap = gap,
            GroupColumns = 1,
            GroupGap = gap,
            ImageOffset = upload.Floats(digits.Span),
            ImageCount = count,
            ColourMap = (int)frame.Scene.DigitColourMap,
            Highlight = frame.Scene.HighlightDigit,
            HighlightWidth = Math.Max((int)MathF.Round(2 * layout.Scale), 1),
            HighlightColour = Palette.Accent,
        };
        var size = grid.GridSize;
        grid.Origin = new Int2(content.X + (content.Width - size.X) / 2, content.Y + (content.Height - size.Y) / 2);
        AddTiles(grid, panel);
        return new TileGridPlacement(grid.Origin.X, grid.Origin.Y, tile, gap, columns, count);
    }

    private void ComposeReconstructions(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var pairs = frame.Scene.ReconstructionInputs.Length / TilesPipeline.ImagePixels;
        Span<char> note = stackalloc char[24];
        var content = AddPanel(layout, layout.Reconstructions, frame.Scene.ReconstructionsTitle, SpanText.Number(note, pairs, "0", " pairs"));
        if (pairs == 0)
            return;
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
        if (bestTile < 1)
            return;
        var grid = new TilesPush
        {
            TileSize = new Int2(bestTile, bestTile),
            Columns = 2 * bestPerRow,
            Rows = (pairs + bestPerRow - 1) / bestPerRow,
            Gap = gap,
            GroupColumns = 2,
            GroupGap = groupGap,
            ImageOffset = WritePairs(upload, frame),
            ImageCount = 2 * pairs,
            ColourMap = (int)frame.Scene.DigitColourMap,
            Highlight = -1,
        };
        var size = grid.GridSize;
        grid.Origin = new Int2(content.X + (content.Width - size.X) / 2, content.Y + (content.Height - size.Y) / 2);
        AddTiles(grid, layout.Reconstructions);
    }

    private void AddTiles(in TilesPush grid, Rect panel)
    {
        TileGrids.Add(grid);
        Boxes.Area(new Rect(grid.Origin.X, grid.Origin.Y, grid.GridSize.X, grid.GridSize.Y), BoxKind.Tiles, panel);
    }

    /// <summary>Interleaves input i and reconstruction i so that the tile index order puts each pair side by side.</summary>
    private static uint WritePairs(FrameUpload upload, CanvasFrame frame)
    {
        var inputs = frame.Scene.ReconstructionInputs.Span;
        var outputs = frame.Scene.Reconstructions.Span;
        var offset = upload.Position;
        for (var start = 0; start < inputs.Length; start += TilesPipeline.ImagePixels)
        {
            upload.Floats(inputs.Slice(start, TilesPipeline.ImagePixels));
            upload.Floats(outputs.Slice(start, TilesPipeline.ImagePixels));
        }
        return offset;
    }
}
