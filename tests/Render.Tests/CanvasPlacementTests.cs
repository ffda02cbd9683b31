using System.Numerics;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests;

/// <summary>Where the canvas puts things, and the transforms from pointer pixels back to what is drawn there.</summary>
public sealed class CanvasPlacementTests
{
    private static readonly MapPlacement Map = new(new Rect(100, 50, 400, 300), new MapProjection(new Vector2(-2, -1), new Vector2(6, 3), 400, 300));

    [Fact]
    public void TheMapsCornersAreItsRangesCornersWithYUp()
    {
        Assert.Equal(new Vector2(-2, 3), Map.ToMap(new Vector2(100, 50)));
        Assert.Equal(new Vector2(6, -1), Map.ToMap(new Vector2(500, 350)));
        Assert.Equal(new Vector2(300, 200), Map.ToCanvas(new Vector2(2, 1)));
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(-1.9f, 2.5f)]
    [InlineData(5.25f, -0.75f)]
    [InlineData(10f, -7f)]
    public void PixelsToMapAndBackRoundTrip(float x, float y)
    {
        var point = new Vector2(x, y);
        var pixel = Map.ToCanvas(point);
        Assert.True(Vector2.Distance(point, Map.ToMap(pixel)) < 1e-5f, $"{point} -> {pixel} -> {Map.ToMap(pixel)}");
        Assert.True(Vector2.Distance(pixel, Map.ToCanvas(Map.ToMap(pixel))) < 1e-3f);
    }

    [Fact]
    public void ADragPastThePlotStopsAtItsEdgeAndTheNearestPointWithinReachIsPicked()
    {
        Assert.Equal(new Vector2(499, 50), Map.Clamp(new Vector2(900, -20)));
        MapPoint[] points = [new(0, 0, 1), new(2, 1, 7), new(2.05f, 1, 3)];
        Assert.Equal(1, Map.Nearest(points, new Vector2(301, 201), radius: 6));
        Assert.Equal(2, Map.Nearest(points, new Vector2(304, 200), radius: 6));
        Assert.Equal(-1, Map.Nearest(points, new Vector2(330, 230), radius: 6));
    }

    [Theory]
    [InlineData(10, 20, 519, 650)]
    [InlineData(10, 20, 650, 519)]
    [InlineData(0, 0, 301, 301)]
    public void ARaceSplitsAPanelAcrossItsLongerSideIntoTwoHalvesAGapApart(int x, int y, int width, int height)
    {
        var panel = new Rect(x, y, width, height);
        var (first, second) = CanvasLayout.Halves(panel, gap: 10);
        var across = width >= height;
        Assert.Equal(across ? (first.Y, first.Height) : (first.X, first.Width), across ? (second.Y, second.Height) : (second.X, second.Width));
        Assert.Equal((panel.X, panel.Y), (first.X, first.Y));
        Assert.Equal((panel.Right, panel.Bottom), (second.Right, second.Bottom));
        Assert.Equal(10, across ? second.X - first.Right : second.Y - first.Bottom);
        Assert.True(Math.Abs(across ? first.Width - second.Width : first.Height - second.Height) <= 1, $"{first} and {second} differ");
    }

    [Fact]
    public void ATileIsFoundUnderThePointerAndNothingOutsideTheGrid()
    {
        var grid = new TileGridPlacement(X: 10, Y: 20, Tile: 30, Gap: 2, Columns: 8, Count: 20);
        Assert.Equal(0, grid.TileAt(new Vector2(10, 20)));
        Assert.Equal(9, grid.TileAt(new Vector2(10 + 32 + 15, 20 + 32 + 15)));
        Assert.Equal(2, grid.RowAt(new Vector2(11, 20 + 64 + 1)));
        Assert.Equal(-1, grid.TileAt(new Vector2(9, 25)));
        Assert.Equal(-1, grid.TileAt(new Vector2(10 + 8 * 32 + 1, 25)));
        // Row 2 holds tiles 16 to 19 only.
        Assert.Equal(-1, grid.TileAt(new Vector2(10 + 5 * 32 + 1, 20 + 64 + 1)));
    }

    [Theory]
    [InlineData(1920, 1080, 1f)]
    [InlineData(1920, 1080, 1.5f)]
    [InlineData(3840, 2160, 1f)]
    [InlineData(3840, 2160, 2f)]
    public void OnAProjectorThePanelsFitTheirTextIsLegibleAndTheDigitGridFillsItsPanel(int width, int height, float uiScale)
    {
        var layout = CanvasLayout.Compute(width, height, uiScale);
        Rect[] panels = [layout.Digits, layout.Map, layout.Reconstructions, layout.Curves];
        foreach (var panel in panels)
            Assert.True(panel.X >= 0 && panel.Y >= layout.Header.Bottom && panel.Right <= width && panel.Bottom <= layout.Footer.Y, $"{panel} leaves its place");
        for (var a = 0; a < panels.Length; a++)
            for (var b = a + 1; b < panels.Length; b++)
                Assert.False(Overlap(panels[a], panels[b]), $"{panels[a]} overlaps {panels[b]}");
        // Legible from the back of a room: body text of at least 1.5 % of the height (16 px at 1080 lines).
        Assert.True(layout.BodyPixels >= 0.0148f * height, $"body text of {layout.BodyPixels} px on {height} lines");
        // The square grid's side (the panel's width less padding) fills most of the panel's height.
        var side = layout.Digits.Width - 2 * layout.Padding;
        Assert.True(side >= 0.8f * layout.Digits.Height, $"a {side} px grid in a {layout.Digits.Height} px tall panel");
    }

    [Fact]
    public void CaptionLinesReserveABandAboveTheFooterThatNoPanelEnters()
    {
        var without = CanvasLayout.Compute(1920, 1080, 1f);
        Assert.Equal(0, without.Caption.Height);
        var layout = CanvasLayout.Compute(1920, 1080, 1f, captionLines: 2);
        Assert.True(layout.Caption.Height >= 2 * layout.CaptionPixels, $"a band of {layout.Caption.Height} px for two lines of {layout.CaptionPixels} px");
        Assert.Equal(layout.Footer.Y, layout.Caption.Bottom);
        Assert.Equal(1920 - 2 * layout.Margin, layout.Caption.Width);
        foreach (var panel in new[] { layout.Digits, layout.Map, layout.Reconstructions, layout.Curves })
            Assert.True(panel.Bottom <= layout.Caption.Y, $"{panel} enters the caption band {layout.Caption}");
        Assert.True(layout.Digits.Width - 2 * layout.Padding >= 0.9f * layout.Digits.Height, "with captions the grid fills its panel");
    }

    private static bool Overlap(Rect a, Rect b) => a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
}
