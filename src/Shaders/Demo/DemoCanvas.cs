using System.Numerics;
using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Demo;

/// <summary>
/// Synthetic data for a full canvas, so the renderer can be seen and measured without a model: digit-like images
/// rasterised from the embedded font, blurred "reconstructions", ten clustered classes on the map, a moving latent
/// with its trail, and training-like curves.
/// </summary>
public static class DemoCanvas
{
    private const int Side = TilesPipeline.ImageSide;

    public static CanvasFrame Create(int digits = 64, int pairs = 12, int mapPoints = 10_000, int seed = 1, float time = 0)
    {
        var random = new Random(seed);
        var glyphs = GlyphAtlas.Rasterise([20f]);
        var digitImages = new float[digits * Side * Side];
        for (var index = 0; index < digits; index++)
            DrawDigit(glyphs, random.Next(10), random, digitImages.AsSpan(index * Side * Side, Side * Side));
        var inputs = new float[pairs * Side * Side];
        var reconstructions = new float[inputs.Length];
        for (var index = 0; index < pairs; index++)
        {
            var image = inputs.AsSpan(index * Side * Side, Side * Side);
            DrawDigit(glyphs, index % 10, random, image);
            Blur(image, reconstructions.AsSpan(index * Side * Side, Side * Side));
        }

        var path = new Vector2[32];
        for (var index = 0; index < path.Length; index++)
            path[index] = LatentPath(time - (path.Length - 1 - index) * 0.08f);
        var frame = new CanvasFrame();
        var scene = frame.Scene;
        scene.Digits = digitImages;
        scene.HighlightDigit = 9;
        scene.DigitsTitle = "Samples - top layer walk";
        scene.ReconstructionInputs = inputs;
        scene.Reconstructions = reconstructions;
        scene.MapPoints = ClusteredPoints(mapPoints, random);
        scene.MapTitle = "Latent map - layer 3, PC1 x PC2";
        scene.MapMarkers = new[] { path[^1], -path[^1] * 0.6f };
        scene.MapTrail = path;
        var chrome = frame.Chrome;
        chrome.Title = "LvaeLive";
        chrome.Plots = TrainingCurves(random);
        chrome.Hud = ["step 12,400", "epoch 3.2", "ELBO -96.41", "KL 24.7 nats", "active units 31/48", "60 fps"];
        chrome.Footer = "H help   Space pause   1-3 layer   M colour map   S screenshot   R record   Q quit";
        chrome.Help =
        [
            "H          show or hide this help",
            "Space      pause or resume training",
            "1, 2, 3    choose the latent layer on the map",
            "M          grey or viridis digit colours",
            "Arrows     move the current latent",
            "S          save a PNG screenshot",
            "R          start or stop recording",
            "Q, Esc     quit",
        ];
        return frame;
    }

    /// <summary>A digit glyph placed with a random offset and stroke weight, normalised to [0, 1].</summary>
    private static void DrawDigit(GlyphAtlas glyphs, int digit, Random random, Span<float> image)
    {
        var face = glyphs.Faces[0];
        var glyph = GlyphFace.GlyphIndex((char)('0' + digit));
        var (dx, dy) = ((Side - face.CellWidth) / 2 + random.Next(-2, 3), (Side - face.CellHeight) / 2 + random.Next(-1, 2));
        var weight = 0.8f + 0.6f * random.NextSingle();
        image.Clear();
        for (var y = 0; y < face.CellHeight; y++)
            for (var x = 0; x < face.CellWidth; x++)
            {
                var (ix, iy) = (x + dx, y + dy);
                if (ix is >= 0 and < Side && iy is >= 0 and < Side)
                    image[iy * Side + ix] = MathF.Min(glyphs.At(0, glyph, x, y) / 255f * weight, 1f);
            }
    }

    /// <summary>A 3x3 box blur: what an early reconstruction looks like.</summary>
    private static void Blur(ReadOnlySpan<float> source, Span<float> target)
    {
        for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++)
            {
                var sum = 0f;
                for (var oy = -1; oy <= 1; oy++)
                    for (var ox = -1; ox <= 1; ox++)
                        sum += source[Math.Clamp(y + oy, 0, Side - 1) * Side + Math.Clamp(x + ox, 0, Side - 1)];
                target[y * Side + x] = MathF.Min(sum / 9f * 1.3f, 1f);
            }
    }

    private static MapPoint[] ClusteredPoints(int count, Random random)
    {
        var points = new MapPoint[count];
        for (var index = 0; index < count; index++)
        {
            var label = random.Next(10);
            var angle = label * MathF.Tau / 10;
            var centre = new Vector2(MathF.Cos(angle), MathF.Sin(angle)) * (2.2f + 0.6f * (label % 3));
            var spread = 0.35f + 0.1f * (label % 4);
            points[index] = new MapPoint(centre.X + Gaussian(random) * spread * 1.4f, centre.Y + Gaussian(random) * spread, label);
        }
        return points;
    }

    private static Vector2 LatentPath(float t) => new(2.4f * MathF.Sin(0.7f * t + 0.4f), 1.8f * MathF.Sin(1.1f * t));

    private static CurvePlot[] TrainingCurves(Random random)
    {
        const int Samples = 400;
        float[] Series(Func<float, float> shape, float noise)
        {
            var values = new float[Samples];
            for (var index = 0; index < Samples; index++)
                values[index] = shape(index / (float)(Samples - 1)) + noise * Gaussian(random);
            return values;
        }
        return
        [
            new CurvePlot("ELBO", [new CurveSeries("train", Series(t => -95 - 110 * MathF.Exp(-6 * t), 1.5f)), new CurveSeries("test", Series(t => -99 - 100 * MathF.Exp(-5 * t), 0.8f))], 31),
            new CurvePlot("KL / layer", [new CurveSeries("L1", Series(t => 18 * (1 - MathF.Exp(-5 * t)) + 2, 0.4f)), new CurveSeries("L2", Series(t => 7 * (1 - MathF.Exp(-3 * t)), 0.25f)), new CurveSeries("L3", Series(t => 2.5f * (1 - MathF.Exp(-2 * t)), 0.1f))], 31),
            new CurvePlot("Active units", [new CurveSeries("L1", Series(t => MathF.Round(32 - 10 * MathF.Exp(-4 * t)), 0)), new CurveSeries("L2", Series(t => MathF.Round(16 - 9 * MathF.Exp(-3 * t)), 0)), new CurveSeries("L3", Series(t => MathF.Round(8 - 6 * MathF.Exp(-2 * t)), 0))], 31),
            new CurvePlot("Reconstruction", [new CurveSeries("nll", Series(t => 70 + 110 * MathF.Exp(-6 * t), 1.2f))], 31),
        ];
    }

    private static float Gaussian(Random random) =>
        MathF.Sqrt(-2 * MathF.Log(1 - random.NextSingle())) * MathF.Cos(MathF.Tau * random.NextSingle());
}
