using System.Numerics;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests;

public sealed class CurvesShaderTests
{
    private const int Width = 120, Height = 80;
    private static readonly Int2 Origin = new(6, 5);
    private static readonly Int2 Size = new(100, 64);

    [Fact]
    public void GridAndSeriesMatchTheCpuReferenceWithinTwoSteps()
    {
        using var harness = new ShaderHarness(Width, Height);
        var random = new Random(11);
        // Fewer samples than columns, more samples than columns, a lone sample, and one with a NaN and an infinity.
        float[][] series = [Walk(random, 37), Walk(random, 400), [0.3f], Walk(random, 58)];
        series[3][20] = float.NaN;
        series[3][41] = float.PositiveInfinity;
        var colours = new[] { Palette.Series[0], Palette.Series[1], Palette.Series[2], Palette.WithAlpha(Palette.Series[3], 180) };
        // The second series dashed, as a race draws its second model: blank in every other band of 5 columns.
        var dashes = new uint[] { 0, 5, 0, 0 };
        var words = harness.Words;
        words.Clear();
        const int Table = 0;
        var next = Table + series.Length * CurvesPipeline.WordsPerSeries;
        for (var s = 0; s < series.Length; s++)
        {
            words[Table + s * CurvesPipeline.WordsPerSeries] = (uint)next;
            words[Table + s * CurvesPipeline.WordsPerSeries + 1] = (uint)series[s].Length;
            words[Table + s * CurvesPipeline.WordsPerSeries + 2] = colours[s];
            words[Table + s * CurvesPipeline.WordsPerSeries + 3] = dashes[s];
            foreach (var value in series[s])
                words[next++] = BitConverter.SingleToUInt32Bits(value);
        }
        // Tick steps whose half-way points never land on a whole pixel, so rounding ties cannot differ.
        var push = new CurvesPush
        {
            Origin = Origin, Size = Size, SeriesOffset = Table, SeriesCount = series.Length, YMin = -1.5f, YMax = 1.5f, LineWidth = 1.6f,
            GridColour = Palette.Grid, XTickStart = 0, XTickStep = 13.7f, YTickStart = 2, YTickStep = 9.3f,
        };
        using var curves = new CurvesPipeline(harness.Gpu, harness.Layout);
        var pixels = harness.Run(slot => curves.Record(slot, push));

        var expected = new Reference.Canvas(Width, Height);
        var inked = 0;
        for (var x = 0; x < Size.X; x++)
            for (var y = 0; y < Size.Y; y++)
            {
                var (cx, cy) = (Origin.X + x, Origin.Y + y);
                var grid = Reference.Unpack(push.GridColour);
                if (OnTick(x, push.XTickStart, push.XTickStep) || OnTick(y, push.YTickStart, push.YTickStep))
                    expected.Blend(cx, cy, new Vector3(grid.X, grid.Y, grid.Z), grid.W);
                for (var s = 0; s < series.Length; s++)
                {
                    if (dashes[s] > 0 && x / dashes[s] % 2 == 1)
                        continue;
                    var (colour, alpha) = Series(series[s], colours[s], x, y, push);
                    expected.Blend(cx, cy, colour, alpha);
                    inked += alpha > 0.5f ? 1 : 0;
                }
            }
        expected.AssertMatches(pixels, steps: 2);
        Assert.True(inked > 300, $"only {inked} pixels inked: the series must show");
    }

    /// <summary>The colour and opacity series values give pixel (x, y) of the plot, as shaders/curves.comp defines them.</summary>
    private static (Vector3 Colour, float Alpha) Series(float[] values, uint rgba, int x, int y, CurvesPush push)
    {
        var count = values.Length;
        var samplesPerPixel = Math.Max(count - 1, 1) / (float)Math.Max(push.Size.X - 1, 1);
        if (!float.IsFinite(values[Math.Clamp((int)MathF.Round(x * samplesPerPixel), 0, count - 1)]))
            return (new Vector3(1, 0, 1), 0.55f);
        float Y(int i) => push.Size.Y - 1 - (values[i] - push.YMin) / (push.YMax - push.YMin) * (push.Size.Y - 1);
        var p = new Vector2(x, y);
        var distance = count == 1 ? (p - new Vector2(0, Y(0))).Length() : float.MaxValue;
        // Every segment: the shader's restriction to nearby ones must not change the result.
        for (var i = 0; i + 1 < count; i++)
            if (float.IsFinite(Y(i)) && float.IsFinite(Y(i + 1)))
                distance = MathF.Min(distance, Reference.SegmentDistance(p, new Vector2(i / samplesPerPixel, Y(i)), new Vector2((i + 1) / samplesPerPixel, Y(i + 1))));
        var colour = Reference.Unpack(rgba);
        return (new Vector3(colour.X, colour.Y, colour.Z), colour.W * Math.Clamp(push.LineWidth * 0.5f + 0.5f - distance, 0, 1));
    }

    private static bool OnTick(float coordinate, float start, float step)
    {
        var k = MathF.Round((coordinate - start) / step);
        return k >= 0 && MathF.Abs(coordinate - (start + k * step)) < 0.5f;
    }

    /// <summary>A random walk around zero that sometimes leaves the plot's range.</summary>
    private static float[] Walk(Random random, int count)
    {
        var values = new float[count];
        var value = 0f;
        for (var i = 0; i < count; i++)
            values[i] = value = Math.Clamp(value + (random.NextSingle() - 0.5f) * 0.5f, -1.8f, 1.8f);
        return values;
    }
}
