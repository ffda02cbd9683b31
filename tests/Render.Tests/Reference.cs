using System.Numerics;

namespace LvaeLive.Render.Tests;

/// <summary>CPU versions of the shaders' math, written from the same formulas, for comparison.</summary>
internal static class Reference
{
    public static (float R, float G, float B) Viridis(float t)
    {
        // shaders/colormap.glsl, the same polynomial.
        double[][] c =
        [
            [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
            [0.1050930431085774, 1.404613529898575, 1.384590162594685],
            [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
            [-4.634230498983486, -5.799100973351585, -19.33244095627987],
            [6.228269936347081, 14.17993336680509, 56.69055260068105],
            [4.776384997670288, -13.74514537774601, -65.35303263337234],
            [-5.435455855934631, 4.645852612178535, 26.3124352495832],
        ];
        float Channel(int k)
        {
            double v = c[6][k];
            for (var i = 5; i >= 0; i--)
                v = c[i][k] + t * v;
            return (float)Math.Clamp(v, 0, 1);
        }
        return (Channel(0), Channel(1), Channel(2));
    }

    /// <summary>Bilinear sample of a 28x28 image at tile pixel (x, y) of a tile of the given size, clamp to edge; NaN if a tap is not finite.</summary>
    public static float Bilinear(ReadOnlySpan<float> image, int x, int y, int tileWidth, int tileHeight)
    {
        var sx = (x + 0.5f) * 28f / tileWidth - 0.5f;
        var sy = (y + 0.5f) * 28f / tileHeight - 0.5f;
        var (bx, by) = ((int)MathF.Floor(sx), (int)MathF.Floor(sy));
        var (fx, fy) = (sx - bx, sy - by);
        var (a, b, c, d) = (Tap(image, bx, by), Tap(image, bx + 1, by), Tap(image, bx, by + 1), Tap(image, bx + 1, by + 1));
        if (!float.IsFinite(a) || !float.IsFinite(b) || !float.IsFinite(c) || !float.IsFinite(d))
            return float.NaN;
        var top = a + (b - a) * fx;
        var bottom = c + (d - c) * fx;
        return top + (bottom - top) * fy;
    }

    private static float Tap(ReadOnlySpan<float> image, int x, int y) => image[Math.Clamp(y, 0, 27) * 28 + Math.Clamp(x, 0, 27)];

    public static byte ToByte(float unit) => (byte)MathF.Round(Math.Clamp(unit, 0, 1) * 255);

    /// <summary>shaders/geometry.glsl: distance from p to the segment a-b.</summary>
    public static float SegmentDistance(Vector2 p, Vector2 a, Vector2 b)
    {
        var ab = b - a;
        var t = Math.Clamp(Vector2.Dot(p - a, ab) / MathF.Max(Vector2.Dot(ab, ab), 1e-6f), 0, 1);
        return (p - (a + t * ab)).Length();
    }

    /// <summary>A packed RGBA8 colour (red in the low byte) as unit floats.</summary>
    public static Vector4 Unpack(uint rgba) => new Vector4(rgba & 0xff, rgba >> 8 & 0xff, rgba >> 16 & 0xff, rgba >> 24) / 255f;

    /// <summary>
    /// A canvas of unit RGB colours that, like the RGBA8 image, keeps 8 bits per channel after each blend
    /// (shaders/canvas.glsl blendPixel, or a pass that loads, mixes and stores).
    /// </summary>
    public sealed class Canvas(int width, int height)
    {
        private readonly Vector3[] _pixels = new Vector3[width * height];

        public Vector3 this[int x, int y] => _pixels[y * width + x];

        public void Blend(int x, int y, Vector3 colour, float alpha)
        {
            var mixed = Vector3.Lerp(this[x, y], colour, Math.Clamp(alpha, 0, 1));
            _pixels[y * width + x] = new Vector3(ToByte(mixed.X), ToByte(mixed.Y), ToByte(mixed.Z)) / 255f;
        }

        /// <summary>Asserts the RGBA8 pixels read back match within <paramref name="steps"/> of 255 per channel.</summary>
        public void AssertMatches(byte[] rgba, int steps)
        {
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                {
                    var at = (y * width + x) * 4;
                    var expected = this[x, y] * 255;
                    var (r, g, b) = (rgba[at], rgba[at + 1], rgba[at + 2]);
                    Assert.True(Math.Abs(r - expected.X) <= steps && Math.Abs(g - expected.Y) <= steps && Math.Abs(b - expected.Z) <= steps,
                        $"pixel ({x}, {y}) is ({r}, {g}, {b}), expected about ({expected.X:0}, {expected.Y:0}, {expected.Z:0})");
                }
        }
    }
}
