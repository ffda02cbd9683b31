using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// A race's per-layer bars: each layer gets the first model's bar beside the second's, in their colours, standing on
/// the plot's floor with heights in proportion to the values; a value of zero or one not finite draws no bar; each
/// layer is labelled under its pair and each model named in the chart's header.
/// </summary>
public sealed class RaceBarsTests
{
    private static readonly float[] First = [8f, 4f, 0f, float.NaN];
    private static readonly float[] Second = [2f, 6f, 1f, 3f];
    private static readonly string[] Layers = ["L1", "L2", "L3", "L4"];

    [Fact]
    public void BarsStandSideBySideInProportionToTheirValues()
    {
        var canvas = new ComposedCanvas(RaceFrame(), 1920, 1080);

        var first = Bars(canvas, Palette.Series[0]);
        var second = Bars(canvas, Palette.Series[1]);
        // The zero and the NaN draw no bar: two of the first model's, four of the second's.
        Assert.Equal(2, first.Length);
        Assert.Equal(4, second.Length);
        var floor = first[0].Origin.Y + first[0].Size.Y;
        Assert.All([.. first, .. second], bar => Assert.Equal(floor, bar.Origin.Y + bar.Size.Y));
        // Heights in proportion to the values (the tallest, 8, sets the scale), to within a pixel's rounding.
        var pixelsPerUnit = first[0].Size.Y / 8f;
        Assert.True(pixelsPerUnit > 10, $"a bar chart {first[0].Size.Y} pixels tall is too small to compare bars on");
        float[] expected = [8, 4, 2, 6, 1, 3];
        var heights = new[] { first[0], first[1], second[0], second[1], second[2], second[3] }.Select(bar => bar.Size.Y / pixelsPerUnit).ToArray();
        for (var i = 0; i < expected.Length; i++)
            Assert.InRange(heights[i], expected[i] - 1.5f / pixelsPerUnit, expected[i] + 1.5f / pixelsPerUnit);
        // The first model's bar stands left of, and against, the second's of the same layer; layers go left to right.
        Assert.Equal(first[0].Origin.X + first[0].Size.X, second[0].Origin.X);
        Assert.Equal(first[1].Origin.X + first[1].Size.X, second[1].Origin.X);
        Assert.True(second[0].Origin.X < first[1].Origin.X && second[1].Origin.X < second[2].Origin.X);
    }

    [Fact]
    public void EachLayerIsLabelledUnderItsBarsAndEachModelNamed()
    {
        var canvas = new ComposedCanvas(RaceFrame(), 1920, 1080);
        var texts = canvas.Boxes.Texts.Where(text => text.Rect.Width > 0 && text.Drawn == text.Text).ToArray();
        var second = Bars(canvas, Palette.Series[1]);

        for (var layer = 0; layer < Layers.Length; layer++)
        {
            var label = Assert.Single(texts, text => text.Text == Layers[layer] && text.Role == TextRole.XTick);
            var centre = label.Rect.X + label.Rect.Width / 2f;
            // Under the pair: the label's centre is where the first model's bar meets the second's, give or take a character.
            Assert.InRange(centre, second[layer].Origin.X - label.Rect.Width, second[layer].Origin.X + label.Rect.Width);
            Assert.True(label.Rect.Y >= second[layer].Origin.Y + second[layer].Size.Y, $"{Layers[layer]}'s label is not under its bars");
        }
        Assert.Contains(texts, text => text.Text == "vae-mnist");
        Assert.Contains(texts, text => text.Text == "lvae-mnist");
        Assert.Empty(LayoutRules.Broken(canvas.Boxes, canvas.Layout.Padding, canvas.Atlas.Faces[CanvasLayout.TitleFace].CellWidth));
    }

    /// <summary>The bars of one colour, left to right, without the header's swatch (which stands above the plot's floor by a header's height).</summary>
    private static PanelPush[] Bars(ComposedCanvas canvas, uint colour)
    {
        var ofColour = canvas.Composer.InnerPanels.Where(panel => panel.FillColour == colour).ToArray();
        var floor = ofColour.Max(panel => panel.Origin.Y + panel.Size.Y);
        return ofColour.Where(panel => panel.Origin.Y + panel.Size.Y == floor).OrderBy(panel => panel.Origin.X).ToArray();
    }

    private static CanvasFrame RaceFrame()
    {
        var frame = ProjectorFrames.Create(GridMode.Walk, caption: false, race: true, uiScale: 1f);
        frame.Race.RaceNames = ("vae-mnist", "lvae-mnist");
        frame.Race.Bars = [new BarChart("KL (nats)", Layers, First, Second)];
        return frame;
    }
}
