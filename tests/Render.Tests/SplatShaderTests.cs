using System.Runtime.InteropServices;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests;

public sealed class SplatShaderTests
{
    [Fact]
    public void PerPixelSumsMatchTheCpuReferenceExactly() => SumsMatchTheCpuReference(int64Atomics: null);

    /// <summary>The 32-bit shader that devices without 64-bit buffer atomics get (lavapipe has them, so the default above takes splat64).</summary>
    [Fact]
    public void ThirtyTwoBitAtomicsGiveTheSameSums() => SumsMatchTheCpuReference(int64Atomics: false);

    private static void SumsMatchTheCpuReference(bool? int64Atomics)
    {
        const int Width = 48, Height = 40, Points = 3000;
        using var harness = new ShaderHarness(Width, Height);
        var random = new Random(3);
        var words = harness.Words;
        words.Clear();
        var points = new (float X, float Y, int Label)[Points];
        for (var i = 0; i < Points; i++)
        {
            // Clustered, some outside the plot, a few invalid.
            points[i] = (random.NextSingle() * (Width + 6) - 3, random.NextSingle() * (Height + 6) - 3, random.Next(-1, 11));
            if (i % 500 == 0)
                points[i].X = float.NaN;
        }
        for (var i = 0; i < Points; i++)
        {
            words[3 * i] = BitConverter.SingleToUInt32Bits(points[i].X);
            words[3 * i + 1] = BitConverter.SingleToUInt32Bits(points[i].Y);
            words[3 * i + 2] = (uint)points[i].Label;
        }
        const int PaletteOffset = 3 * Points;
        Palette.Classes.CopyTo(words[PaletteOffset..]);
        var push = new SplatPush
        {
            Size = new Int2(Width, Height), PointOffset = 0, PointCount = Points, PaletteOffset = PaletteOffset,
            PaletteCount = Palette.Classes.Length, InvalidColour = Palette.Invalid,
        };
        using var splat = new SplatPipeline(harness.Gpu, harness.Layout, int64Atomics);
        harness.Run(slot => splat.Record(slot, push));

        var expected = new uint[Width * Height * 4];
        foreach (var (x, y, label) in points)
        {
            if (!float.IsFinite(x) || !float.IsFinite(y))
                continue;
            var colour = label is >= 0 and < 10 ? Palette.Classes[label] : Palette.Invalid;
            var (cx, cy) = ((int)MathF.Floor(x), (int)MathF.Floor(y));
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    var (px, py) = (cx + dx, cy + dy);
                    if (px < 0 || py < 0 || px >= Width || py >= Height)
                        continue;
                    var weight = (uint)((2 - Math.Abs(dx)) * (2 - Math.Abs(dy)));
                    var cell = (py * Width + px) * 4;
                    expected[cell] += (colour & 0xff) * weight;
                    expected[cell + 1] += (colour >> 8 & 0xff) * weight;
                    expected[cell + 2] += (colour >> 16 & 0xff) * weight;
                    expected[cell + 3] += weight;
                }
        }
        Assert.Equal(expected, harness.SplatWords[..expected.Length].ToArray());
        Assert.True(expected.Where((_, i) => i % 4 == 3).Max() > 16, "the test must have overlapping points");
    }
}
