using System.Numerics;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Maps latent-map data coordinates onto the plot's pixels (y up), with the data's finite bounds padded by 5%.
/// Non-finite coordinates stay non-finite, so the splat shader skips them.
/// </summary>
public readonly record struct MapProjection(Vector2 Min, Vector2 Max, int Width, int Height)
{
    public static MapProjection Fit(ReadOnlySpan<MapPoint> points, ReadOnlySpan<Vector2> markers, int width, int height)
    {
        var min = new Vector2(float.MaxValue);
        var max = new Vector2(float.MinValue);
        foreach (var point in points)
            Include(new Vector2(point.X, point.Y), ref min, ref max);
        foreach (var marker in markers)
            Include(marker, ref min, ref max);
        if (min.X > max.X)
            (min, max) = (new Vector2(-1), new Vector2(1));
        var span = Vector2.Max(max - min, new Vector2(1e-6f));
        var pad = span * 0.05f;
        return new MapProjection(min - pad, max + pad, width, height);
    }

    private static void Include(Vector2 p, ref Vector2 min, ref Vector2 max)
    {
        if (!float.IsFinite(p.X) || !float.IsFinite(p.Y))
            return;
        min = Vector2.Min(min, p);
        max = Vector2.Max(max, p);
    }

    /// <summary>Plot pixel coordinates, origin at the plot's top-left corner.</summary>
    public Vector2 ToPixels(Vector2 p) => new(
        (p.X - Min.X) / (Max.X - Min.X) * Width,
        (1 - (p.Y - Min.Y) / (Max.Y - Min.Y)) * Height);

    /// <summary>The data coordinates drawn at plot pixel <paramref name="pixel"/>: the inverse of <see cref="ToPixels"/>.</summary>
    public Vector2 ToData(Vector2 pixel) => new(
        Min.X + pixel.X / Width * (Max.X - Min.X),
        Min.Y + (1 - pixel.Y / Height) * (Max.Y - Min.Y));
}
