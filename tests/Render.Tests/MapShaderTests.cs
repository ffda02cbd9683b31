using System.Numerics;
using LvaeLive.Render.Vulkan;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using LvaeLive.Shaders.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

public sealed class MapShaderTests
{
    private const int Width = 64, Height = 56, Side = 48;
    private const float Density = 0.2f, TrailWidth = 2.5f, MarkerRadius = 5f;
    private static readonly Int2 Origin = new(5, 4);

    [Fact]
    public void SplatsTrailAndMarkersResolveLikeTheCpuReference()
    {
        using var harness = new ShaderHarness(Width, Height);
        var random = new Random(17);
        var points = new (Vector2 At, int Label)[1500];
        for (var i = 0; i < points.Length; i++)
        {
            // Two dense clusters (so density saturates) and a sparse spread, some labels outside 0..9.
            var centre = i % 3 == 0 ? new Vector2(14, 30) : i % 3 == 1 ? new Vector2(34, 16) : new Vector2(24, 24);
            var spread = i % 3 == 2 ? 20f : 4f;
            points[i] = (centre + new Vector2(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f) * spread, random.Next(-1, 11));
        }
        Vector2[] trail = [new(3, 44), new(10, 40), new(18, 41), new(26, 30), new(27, 29.5f), new(40, 12), new(60, -5)];
        Vector2[] markers = [new(27, 29.5f), new(31, 27), new(-40, 900)];

        var words = harness.Words;
        words.Clear();
        var at = 0;
        foreach (var (position, label) in points)
        {
            words[at++] = BitConverter.SingleToUInt32Bits(position.X);
            words[at++] = BitConverter.SingleToUInt32Bits(position.Y);
            words[at++] = (uint)label;
        }
        var paletteOffset = (uint)at;
        Palette.Classes.CopyTo(words[at..]);
        at += Palette.Classes.Length;
        var trailOffset = Write(words, ref at, trail);
        var markerOffset = Write(words, ref at, markers);

        var coverageOffset = TrailPipeline.CoverageOffset(Side * Side);
        var splatPush = new SplatPush
        {
            Size = new Int2(Side, Side), PointOffset = 0, PointCount = points.Length, PaletteOffset = paletteOffset,
            PaletteCount = Palette.Classes.Length, InvalidColour = Palette.Invalid,
        };
        var trailPush = new TrailPush { Size = new Int2(Side, Side), PointOffset = trailOffset, PointCount = trail.Length, Width = TrailWidth, CoverageOffset = coverageOffset };
        var resolvePush = new ResolvePush { Origin = Origin, Size = new Int2(Side, Side), Density = Density, CoverageOffset = coverageOffset, TrailColour = Palette.Trail };
        var markersPush = new MarkersPush
        {
            Origin = Origin, Size = new Int2(Side, Side), PointOffset = markerOffset, PointCount = markers.Length, Radius = MarkerRadius,
            FillColour = Palette.Marker, RingColour = Palette.MarkerRing,
        };
        using var splat = new SplatPipeline(harness.Gpu, harness.Layout);
        using var trailPipeline = new TrailPipeline(harness.Gpu, harness.Layout);
        using var resolve = new ResolvePipeline(harness.Gpu, harness.Layout);
        using var markerPipeline = new MarkersPipeline(harness.Gpu, harness.Layout);
        var pixels = harness.Run(slot =>
        {
            splat.Record(slot, splatPush);
            trailPipeline.Record(slot, trailPush, trail);
            Barriers.ComputeThenCompute(harness.Gpu.Vk, slot.Commands);
            resolve.Record(slot, resolvePush);
            Barriers.ComputeThenCompute(harness.Gpu.Vk, slot.Commands);
            markerPipeline.Record(slot, markersPush);
        });

        var expected = Expected(points, trail, markers);
        expected.AssertMatches(pixels, steps: 2);
    }

    [Fact]
    public void TheLegendShowsEveryClassColourAndTheCachedChromeRedrawsTheSameFrame()
    {
        var log = new ValidationLog();
        var frame = DemoCanvas.Create(digits: 16, pairs: 4, mapPoints: 800);
        using (var canvas = new HeadlessCanvas(new Extent2D(800, 600), log.Options))
        {
            var drawn = canvas.Render(frame);
            var colours = new HashSet<uint>();
            for (var i = 0; i < drawn.Length; i += 4)
                colours.Add(Palette.Rgba(drawn[i], drawn[i + 1], drawn[i + 2]));
            // Blended splats never reach a class colour exactly; the legend's swatches are it.
            foreach (var colour in Palette.Classes)
                Assert.Contains(colour, colours);
            // The second frame restores the panels from the cached layer instead of drawing them.
            Assert.Equal(drawn, canvas.Render(frame));
        }
        log.AssertClean();
    }

    /// <summary>The map as the four passes define it, on the harness's black canvas.</summary>
    private static Reference.Canvas Expected((Vector2 At, int Label)[] points, Vector2[] trail, Vector2[] markers)
    {
        var sums = new Vector4[Side * Side];
        foreach (var (position, label) in points)
        {
            var colour = Reference.Unpack(label is >= 0 and < 10 ? Palette.Classes[label] : Palette.Invalid) * 255;
            var (cx, cy) = ((int)MathF.Floor(position.X), (int)MathF.Floor(position.Y));
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                    if (cx + dx is >= 0 and < Side && cy + dy is >= 0 and < Side)
                        sums[(cy + dy) * Side + cx + dx] += new Vector4(colour.X, colour.Y, colour.Z, 1) * ((2 - Math.Abs(dx)) * (2 - Math.Abs(dy)));
        }
        var canvas = new Reference.Canvas(Width, Height);
        var trailColour = Reference.Unpack(Palette.Trail);
        var (fill, ring) = (Reference.Unpack(Palette.Marker), Reference.Unpack(Palette.MarkerRing));
        for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++)
            {
                var (cx, cy) = (Origin.X + x, Origin.Y + y);
                var sum = sums[y * Side + x];
                var p = new Vector2(x + 0.5f, y + 0.5f);
                // The resolve pass: one load, two mixes, one store.
                var colour = Vector3.Zero;
                if (sum.W > 0)
                    colour = Vector3.Lerp(colour, new Vector3(sum.X, sum.Y, sum.Z) / (255 * sum.W), 1 - MathF.Exp(-Density * sum.W));
                colour = Vector3.Lerp(colour, new Vector3(trailColour.X, trailColour.Y, trailColour.Z), trailColour.W * TrailCoverage(trail, p));
                canvas.Blend(cx, cy, colour, 1);
                // The markers pass: every marker in order, one store.
                colour = canvas[cx, cy];
                foreach (var marker in markers)
                {
                    var d = (p - marker).Length();
                    colour = Vector3.Lerp(colour, new Vector3(ring.X, ring.Y, ring.Z), Math.Clamp(MarkerRadius + 0.5f - d, 0, 1));
                    colour = Vector3.Lerp(colour, new Vector3(fill.X, fill.Y, fill.Z), Math.Clamp(MarkerRadius - 1.5f - d, 0, 1));
                }
                canvas.Blend(cx, cy, colour, 1);
            }
        return canvas;
    }

    /// <summary>The strongest faded coverage of any trail segment at p, in the shader's 16-bit steps.</summary>
    private static float TrailCoverage(Vector2[] trail, Vector2 p)
    {
        var level = 0f;
        for (var i = 0; i + 1 < trail.Length; i++)
        {
            var coverage = Math.Clamp(TrailWidth * 0.5f + 0.5f - Reference.SegmentDistance(p, trail[i], trail[i + 1]), 0, 1);
            level = MathF.Max(level, MathF.Floor(coverage * (i + 1) / (trail.Length - 1) * 65535 + 0.5f));
        }
        return level / 65535;
    }

    private static uint Write(Span<uint> words, ref int at, Vector2[] positions)
    {
        var offset = (uint)at;
        foreach (var position in positions)
        {
            words[at++] = BitConverter.SingleToUInt32Bits(position.X);
            words[at++] = BitConverter.SingleToUInt32Bits(position.Y);
        }
        return offset;
    }
}
