using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// The presenter view from a laptop's window to a 4K screen: nothing overlaps or leaves its panel (<see cref="LayoutRules"/>),
/// the position, the times and the current step are drawn whole, and the notes are wrapped rather than cut: every
/// word of them is drawn.
/// </summary>
public sealed class PresenterLayoutTests
{
    private static readonly string[] Notes =
    [
        "Tile 27 now holds test digit #0, a 7: its posterior means, turned into each layer's noise, top-down.",
        "Decoding that noise unchanged gives the reconstruction; nothing here is a training image.",
    ];

    private static CanvasFrame Frame(float uiScale)
    {
        var frame = new CanvasFrame
        {
            Presenter = new PresenterPart
            {
                Position = "step 3/12",
                Notes = Notes,
                NextCaption = ["Give only the top two layers a 3's noise:", "the 7 becomes a 3, its lower layers stay"],
                Steps = Enumerable.Range(1, 12).Select(step => $"{step,2}  a caption of step {step}, long enough to be cut in a narrow list").ToArray(),
                Current = 2,
                Elapsed = "0:12:34",
                Clock = "21:05",
                Pacing = "step over by 0:20",
                Over = true,
                Notice = "the talk is on: Q again within 2 s saves a checkpoint and quits",
            },
        };
        frame.Chrome.UiScale = uiScale;
        return frame;
    }

    [Theory]
    [InlineData(640, 400, 1f)]
    [InlineData(1280, 720, 1f)]
    [InlineData(1920, 1080, 1f)]
    [InlineData(1920, 1080, 1.5f)]
    [InlineData(3840, 2160, 2f)]
    public void ThePresenterViewFitsAndDrawsWhatThePresenterNeeds(int width, int height, float uiScale)
    {
        var canvas = new ComposedCanvas(Frame(uiScale), width, height);
        var broken = LayoutRules.Broken(canvas.Boxes, canvas.Layout.Padding, canvas.Atlas.Faces[CanvasLayout.TitleFace].CellWidth);
        Assert.True(broken.Count == 0, string.Join("\n", broken));

        var whole = canvas.Boxes.Texts.Where(t => t.Rect.Width > 0 && t.Drawn == t.Text).Select(t => t.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "step 3/12", "0:12:34", "21:05", "step over by 0:20", "Notes", "Next", "Steps" }, whole);
        var current = canvas.Boxes.Texts.Single(t => t.Text.StartsWith(" 3  "));
        Assert.Contains(canvas.Boxes.Texts, t => t.Text == ">" && t.Rect.Y == current.Rect.Y);
        var words = whole.SelectMany(text => text.Split(' ')).ToHashSet();
        Assert.All(Notes.SelectMany(line => line.Split(' ')), word => Assert.Contains(word, words));
    }
}
