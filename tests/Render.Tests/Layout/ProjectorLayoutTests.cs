using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// The canvas on a projector: at 1920x1080 and 3840x2160, at the UI scales a stage asks for, in every grid mode, with
/// and without a caption, alone and in a race, no text box overlaps another or leaves its panel, no title is cut
/// where it fits, and the curves show at least one plot, each with its tick labels (<see cref="LayoutRules"/>).
/// </summary>
public sealed class ProjectorLayoutTests
{
    public static TheoryData<int, int, float> Screens => new()
    {
        { 1920, 1080, 1f }, { 1920, 1080, 1.5f }, { 1920, 1080, 2f }, { 3840, 2160, 2f }, { 3840, 2160, 3f },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public void EveryModeFitsTheScreenWithAndWithoutACaptionAloneAndInARace(int width, int height, float uiScale)
    {
        var broken = new List<string>();
        foreach (var mode in Enum.GetValues<GridMode>())
            foreach (var caption in new[] { false, true })
                foreach (var race in new[] { false, true })
                {
                    var canvas = new ComposedCanvas(ProjectorFrames.Create(mode, caption, race, uiScale), width, height);
                    var titleCell = canvas.Atlas.Faces[CanvasLayout.TitleFace].CellWidth;
                    var rules = LayoutRules.Broken(canvas.Boxes, canvas.Layout.Padding, titleCell);
                    // A race's bar charts come before its curves and stay where the panel cannot hold both: all of them
                    // at a UI scale of 1, at least one where a larger scale leaves the panel little room.
                    var barTitles = race ? ProjectorFrames.Create(mode, caption, race, uiScale).Race.Bars.Select(chart => chart.Title).ToHashSet() : [];
                    var barsDrawn = canvas.Boxes.Texts.Count(text => barTitles.Contains(text.Text) && text.Drawn == text.Text);
                    if (canvas.Composer.Plots.Count == 0 && barsDrawn == 0)
                        rules.Add("the curves panel shows no plot");
                    if (race && barsDrawn < (uiScale == 1 ? barTitles.Count : 1))
                        rules.Add($"the race shows {barsDrawn} of its {barTitles.Count} bar charts");
                    rules.AddRange(MissingLabels(mode, race, crowded: uiScale >= 2, canvas));
                    broken.AddRange(rules.Select(rule => $"{mode}{(caption ? ", caption" : "")}{(race ? ", race" : "")}: {rule}"));
                }
        Assert.True(broken.Count == 0, $"{width}x{height} x{uiScale}: {broken.Count} broken\n" + string.Join("\n", broken.Distinct().Take(60)));
    }

    /// <summary>What the grid's mode must say and does not: the explorer's first and last row and column, the style swap's heads, an interpolation's ends.</summary>
    private static IEnumerable<string> MissingLabels(GridMode mode, bool race, bool crowded, ComposedCanvas canvas)
    {
        var scene = ProjectorFrames.Create(mode, caption: false, race: false, 1f).Scene;
        var drawn = canvas.Boxes.Texts.Where(t => t.Rect.Width > 0 && t.Drawn == t.Text).Select(t => t.Text).ToHashSet();
        string[] expected = mode switch
        {
            GridMode.Explorer or GridMode.ExplorerAxis => [scene.DigitRowLabels[0], scene.DigitRowLabels[^1], scene.DigitColumnLabels[0], scene.DigitColumnLabels[^1]],
            // The ends take two lines of height, which a race at a UI scale of 2 (each grid gets a quarter of a
            // 1280x720 canvas at x2) cannot spare without halving the tiles: there they give way to the tiles.
            GridMode.Interpolation when !(race && crowded) => ["from " + scene.DigitEnds.First, "to " + scene.DigitEnds.Last],
            _ => [],
        };
        foreach (var label in expected.Where(label => !drawn.Contains(label)))
            yield return $"the grid's label '{label}' is not drawn";
        // A head column and a head row for each model's grid.
        var grids = race ? 2 : 1;
        if (mode == GridMode.StyleSwap && canvas.Composer.TileGrids.Count(g => g.Columns == 1 || g.Rows == 1) != 2 * grids)
            yield return "the style swap's heads are not all drawn";
    }
}
