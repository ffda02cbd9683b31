using System.Numerics;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Where a frame drew the parts that the pointer can act on, in canvas pixels (top-left origin): the digit grid and
/// the latent map's plot, each with the transform that turns a pointer position into what is under it. The renderer
/// records it with each frame, so the host hit-tests against what the user sees without redoing the layout.
/// </summary>
/// <param name="Scale">The layout's scale: pick distances grow with it, as the markers do.</param>
public readonly record struct CanvasPlacement(TileGridPlacement? Digits, MapPlacement? Map, float Scale);

/// <summary>A grid of <paramref name="Count"/> square tiles of <paramref name="Tile"/> pixels, <paramref name="Columns"/> a row, with <paramref name="Gap"/> between them.</summary>
public readonly record struct TileGridPlacement(int X, int Y, int Tile, int Gap, int Columns, int Count)
{
    /// <summary>The index of the tile under <paramref name="pixel"/>, or -1 outside the grid; a gap belongs to the tile before it.</summary>
    public int TileAt(Vector2 pixel)
    {
        var (dx, dy) = (pixel.X - X, pixel.Y - Y);
        var pitch = Tile + Gap;
        if (dx < 0 || dy < 0 || pitch <= 0)
            return -1;
        var (column, row) = ((int)(dx / pitch), (int)(dy / pitch));
        var index = row * Columns + column;
        return column < Columns && index < Count ? index : -1;
    }

    /// <summary>The row of the tile under <paramref name="pixel"/>, or -1 outside the grid.</summary>
    public int RowAt(Vector2 pixel) => TileAt(pixel) is var tile and >= 0 ? tile / Columns : -1;
}

/// <summary>The map's plot rectangle on the canvas and the projection of map coordinates onto it.</summary>
public readonly record struct MapPlacement(Rect Plot, MapProjection Projection)
{
    private Vector2 Origin => new(Plot.X, Plot.Y);

    public bool Contains(Vector2 pixel) => pixel.X >= Plot.X && pixel.X < Plot.Right && pixel.Y >= Plot.Y && pixel.Y < Plot.Bottom;

    /// <summary>The canvas pixel where map point <paramref name="map"/> is drawn.</summary>
    public Vector2 ToCanvas(Vector2 map) => Projection.ToPixels(map) + Origin;

    /// <summary>The map point drawn at canvas pixel <paramref name="pixel"/>: the inverse of <see cref="ToCanvas"/>.</summary>
    public Vector2 ToMap(Vector2 pixel) => Projection.ToData(pixel - Origin);

    /// <summary>The nearest pixel inside the plot: a drag past its edge stops at the edge.</summary>
    public Vector2 Clamp(Vector2 pixel) => Vector2.Clamp(pixel, Origin, new Vector2(Plot.Right - 1, Plot.Bottom - 1));

    /// <summary>The index of the point drawn nearest to <paramref name="pixel"/>, if one is within <paramref name="radius"/> pixels; else -1.</summary>
    public int Nearest(ReadOnlySpan<MapPoint> points, Vector2 pixel, float radius)
    {
        var (best, bestDistance) = (-1, radius * radius);
        for (var i = 0; i < points.Length; i++)
        {
            var distance = Vector2.DistanceSquared(ToCanvas(new Vector2(points[i].X, points[i].Y)), pixel);
            if (distance <= bestDistance)
                (best, bestDistance) = (i, distance);
        }
        return best;
    }
}
