using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>The layout's rules fire: each planted fault in an otherwise clean set of boxes is reported, and only it.</summary>
public sealed class LayoutRulesTests
{
    private const int Cell = 10, Line = 20, Padding = 8;
    private static readonly Rect Panel = new(10, 10, 300, 200);
    private static readonly Rect PlotCell = new(20, 40, 280, 160);

    /// <summary>A panel with a title, a grid of tiles and a plot cell with three ticks on each axis.</summary>
    private static CanvasBoxes Clean(Action<CanvasBoxes>? plant = null)
    {
        var boxes = new CanvasBoxes();
        boxes.Begin(new Rect(0, 0, 400, 300));
        boxes.Area(Panel, BoxKind.Panel, boxes.Canvas);
        boxes.Text("Training", new Rect(18, 12, 8 * Cell, Line), Panel, TextRole.Title, 8, ellipsis: false);
        boxes.Area(PlotCell, BoxKind.Region, Panel);
        boxes.Area(new Rect(60, 60, 200, 100), BoxKind.Panel, PlotCell);
        for (var tick = 0; tick < 3; tick++)
        {
            boxes.Text($"{tick}", new Rect(30, 60 + 40 * tick, Cell, Line), PlotCell, TextRole.YTick, 1, ellipsis: false);
            boxes.Text($"{tick}k", new Rect(60 + 80 * tick, 170, 2 * Cell, Line), PlotCell, TextRole.XTick, 2, ellipsis: false);
        }
        plant?.Invoke(boxes);
        return boxes;
    }

    private static List<string> Broken(CanvasBoxes boxes) => LayoutRules.Broken(boxes, Padding, Cell);

    [Fact]
    public void ACleanSetOfBoxesBreaksNoRule() => Assert.Empty(Broken(Clean()));

    [Fact]
    public void TwoTextBoxesOverEachOtherAreReported() =>
        Assert.Contains(Broken(Clean(b => b.Text("L4", new Rect(25, 12, 2 * Cell, Line), Panel, TextRole.Label, 2, ellipsis: false))), rule => rule.Contains("overlaps 'L4'"));

    [Fact]
    public void TextOverAPlotOrOutsideItsPanelIsReported()
    {
        Assert.Contains(Broken(Clean(b => b.Text("over", new Rect(100, 100, 4 * Cell, Line), PlotCell, TextRole.Label, 4, ellipsis: false))), rule => rule.Contains("lies over Panel"));
        Assert.Contains(Broken(Clean(b => b.Text("out", new Rect(305, 100, 3 * Cell, Line), Panel, TextRole.Label, 3, ellipsis: false))), rule => rule.Contains("leaves its box"));
    }

    [Fact]
    public void ATitleCutWhereItFitsOrCutTooShortOrCutWithoutAnEllipsisIsReported()
    {
        Assert.Contains(Broken(Clean(b => b.Text("Input | reconstruction", new Rect(18, 200, 0, 0), Panel, TextRole.Title, 0, ellipsis: false))),
            rule => rule.Contains("could hold it"));
        var narrow = new Rect(320, 10, 70, 100);
        Assert.Contains(Broken(Clean(b =>
        {
            b.Area(narrow, BoxKind.Panel, b.Canvas);
            b.Text("Input | reconstruction", new Rect(322, 12, 5 * Cell, Line), narrow, TextRole.Title, 4, ellipsis: true);
        })), rule => rule.Contains("keeps only 'Inpu" + GlyphFace.Ellipsis));
        Assert.Contains(Broken(Clean(b => b.Text("H help   Tab tile", new Rect(18, 180, 6 * Cell, Line), Panel, TextRole.Label, 6, ellipsis: false))),
            rule => rule.Contains("without an ellipsis"));
    }

    [Fact]
    public void APlotWithFewerThanThreeTickLabelsOnAnAxisIsReported()
    {
        var boxes = new CanvasBoxes();
        boxes.Begin(new Rect(0, 0, 400, 300));
        boxes.Area(PlotCell, BoxKind.Region, boxes.Canvas);
        for (var tick = 0; tick < 3; tick++)
            boxes.Text($"{tick}", new Rect(30, 60 + 40 * tick, Cell, Line), PlotCell, TextRole.YTick, 1, ellipsis: false);
        boxes.Text("0", new Rect(60, 170, Cell, Line), PlotCell, TextRole.XTick, 1, ellipsis: false);
        Assert.Equal(["the plot in " + PlotCell + " has 1 x tick labels"], Broken(boxes));
    }

    [Fact]
    public void TwoPanelsOverEachOtherAreReported() =>
        Assert.Contains(Broken(Clean(b => b.Area(new Rect(200, 100, 150, 150), BoxKind.Panel, b.Canvas))), rule => rule.StartsWith("Panel") && rule.Contains("overlaps Panel"));
}
