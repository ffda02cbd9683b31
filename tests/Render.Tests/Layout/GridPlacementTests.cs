using System.Numerics;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>Labels and heads move the grid: a click still lands on the tile drawn under it, and a click on a head or a label on none.</summary>
public sealed class GridPlacementTests
{
    public static TheoryData<GridMode, bool, float> Grids()
    {
        var data = new TheoryData<GridMode, bool, float>();
        foreach (var mode in Enum.GetValues<GridMode>())
            foreach (var race in new[] { false, true })
                foreach (var scale in new[] { 1f, 2f })
                    data.Add(mode, race, scale);
        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void EveryTilesCentreSelectsThatTileAndNothingAroundTheGridSelectsOne(GridMode mode, bool race, float uiScale)
    {
        var canvas = new ComposedCanvas(ProjectorFrames.Create(mode, caption: true, race, uiScale), 1920, 1080);
        var grid = canvas.Composer.Placement.Digits ?? throw new InvalidOperationException("no grid was placed");
        // The first tile grid drawn is the first model's digits, which the placement describes.
        var drawn = canvas.Composer.TileGrids[0];
        Assert.Equal((drawn.Origin.X, drawn.Origin.Y, drawn.TileSize.X, drawn.Columns), (grid.X, grid.Y, grid.Tile, grid.Columns));
        for (var tile = 0; tile < grid.Count; tile++)
        {
            var centre = new Vector2(grid.X + tile % grid.Columns * (grid.Tile + grid.Gap) + grid.Tile / 2f, grid.Y + tile / grid.Columns * (grid.Tile + grid.Gap) + grid.Tile / 2f);
            Assert.Equal(tile, grid.TileAt(centre));
        }
        var others = canvas.Boxes.Areas.Where(a => a.Kind == BoxKind.Tiles && a.Rect.X != grid.X | a.Rect.Y != grid.Y).Select(a => a.Rect)
            .Concat(canvas.Boxes.Texts.Where(t => t.Rect.Width > 0).Select(t => t.Rect));
        foreach (var rect in others)
            Assert.Equal(-1, grid.TileAt(new Vector2(rect.X + rect.Width / 2f, rect.Y + rect.Height / 2f)));
    }
}
