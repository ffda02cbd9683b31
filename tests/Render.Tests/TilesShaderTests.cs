using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests;

public sealed class TilesShaderTests
{
    [Theory]
    [InlineData(0, 37, 29)]
    [InlineData(1, 40, 40)]
    public void UpscaledColouredTilesMatchTheCpuReferenceWithinOneStep(int colourMap, int tileWidth, int tileHeight)
    {
        using var harness = new ShaderHarness(96, 64);
        var random = new Random(colourMap + 7);
        var images = new float[2 * 784];
        for (var i = 0; i < images.Length; i++)
            images[i] = random.NextSingle() * 1.2f - 0.1f;
        images[784 + 5 * 28 + 5] = float.NaN;
        images[784 + 20 * 28 + 20] = float.PositiveInfinity;
        harness.Words.Clear();
        MemoryMarshalCopy(images, harness.Words);
        var push = new TilesPush
        {
            Origin = new Int2(3, 2), TileSize = new Int2(tileWidth, tileHeight), Columns = 2, Rows = 1, Gap = 4, GroupColumns = 1, GroupGap = 4,
            ImageOffset = 0, ImageCount = 2, ColourMap = colourMap, Highlight = -1,
        };
        using var tiles = new TilesPipeline(harness.Gpu, harness.Layout);
        var pixels = harness.Run(slot => tiles.Record(slot, push));

        var invalidSeen = 0;
        for (var tile = 0; tile < 2; tile++)
            for (var y = 0; y < tileHeight; y++)
                for (var x = 0; x < tileWidth; x++)
                {
                    var value = Reference.Bilinear(images.AsSpan(tile * 784, 784), x, y, tileWidth, tileHeight);
                    var (r, g, b) = !float.IsFinite(value) ? (1f, 0f, 1f)
                        : colourMap == 1 ? Reference.Viridis(Math.Clamp(value, 0, 1)) : (Math.Clamp(value, 0, 1), Math.Clamp(value, 0, 1), Math.Clamp(value, 0, 1));
                    invalidSeen += float.IsFinite(value) ? 0 : 1;
                    var px = 3 + tile * (tileWidth + 4) + x;
                    var at = ((2 + y) * harness.Width + px) * 4;
                    Assert.InRange(Math.Abs(pixels[at] - Reference.ToByte(r)), 0, 1);
                    Assert.InRange(Math.Abs(pixels[at + 1] - Reference.ToByte(g)), 0, 1);
                    Assert.InRange(Math.Abs(pixels[at + 2] - Reference.ToByte(b)), 0, 1);
                }
        Assert.True(invalidSeen > 0, "NaN and infinity must reach some pixels");
        // The gap between tiles stays untouched (black).
        var gapAt = (10 * harness.Width + 3 + tileWidth + 1) * 4;
        Assert.Equal(0, pixels[gapAt]);
    }

    private static void MemoryMarshalCopy(float[] source, Span<uint> target) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<float, uint>(source).CopyTo(target);
}
