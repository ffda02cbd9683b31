using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests;

public sealed class TextShaderTests
{
    [Fact]
    public void GlyphsAreCompositedFromTheAtlasLikeTheCpuReference()
    {
        using var harness = new ShaderHarness(160, 48);
        var face = harness.Atlas.Faces[0];
        const string Text = "Hello, Vulkan 0.5e-3 ~{}";
        var colour = Palette.Rgba(200, 120, 40);
        var words = harness.Words;
        var count = 0;
        for (var i = 0; i < Text.Length; i++)
        {
            words[4 * i] = (uint)(-3 + i * face.CellWidth);
            words[4 * i + 1] = 5;
            words[4 * i + 2] = (uint)GlyphFace.GlyphIndex(Text[i]);
            words[4 * i + 3] = colour;
            count++;
        }
        var push = new TextPush
        {
            InstanceOffset = 0, InstanceCount = count, CellWidth = face.CellWidth, CellHeight = face.CellHeight,
            RowPitch = face.RowPitch, AtlasOffset = (uint)face.ByteOffset,
        };
        using var text = new TextPipeline(harness.Gpu, harness.Layout);
        var pixels = harness.Run(slot => text.Record(slot, push));

        var expected = new byte[pixels.Length];
        for (var i = 0; i < Text.Length; i++)
            for (var y = 0; y < face.CellHeight; y++)
                for (var x = 0; x < face.CellWidth; x++)
                {
                    var (px, py) = (-3 + i * face.CellWidth + x, 5 + y);
                    if (px < 0 || px >= harness.Width || py >= harness.Height)
                        continue;
                    var alpha = harness.Atlas.At(0, GlyphFace.GlyphIndex(Text[i]), x, y) / 255f;
                    var at = (py * harness.Width + px) * 4;
                    expected[at] = Reference.ToByte(alpha * 200 / 255f);
                    expected[at + 1] = Reference.ToByte(alpha * 120 / 255f);
                    expected[at + 2] = Reference.ToByte(alpha * 40 / 255f);
                }
        var inked = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            Assert.InRange(Math.Abs(pixels[i] - expected[i]), 0, 1);
            Assert.InRange(Math.Abs(pixels[i + 1] - expected[i + 1]), 0, 1);
            Assert.InRange(Math.Abs(pixels[i + 2] - expected[i + 2]), 0, 1);
            inked += expected[i] > 0 ? 1 : 0;
        }
        Assert.True(inked > 200, $"only {inked} pixels inked: the atlas must hold real glyphs");
    }
}
