namespace LvaeLive.Shaders.Canvas;

/// <summary>A pixel rectangle of the canvas, top-left origin.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public int Bottom => Y + Height;

    public Rect Inset(int by) => new(X + by, Y + by, Math.Max(Width - 2 * by, 0), Math.Max(Height - 2 * by, 0));

    /// <summary>The part below the top <paramref name="height"/> pixels.</summary>
    public Rect BelowTop(int height) => new(X, Y + height, Width, Math.Max(Height - height, 0));

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> rectangle centred in this one.</summary>
    public Rect Centred(int width, int height) => new(X + (Width - width) / 2, Y + (Height - height) / 2, width, height);
}
