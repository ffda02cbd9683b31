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
}
