namespace LvaeLive.Shaders.Canvas;

/// <summary>Places items of text left to right across a box, a space apart, starting a new line when one does not fit.</summary>
internal struct TextFlow(Rect box, int space, int lineHeight)
{
    private int _x = box.X;
    private int _line;

    /// <summary>The lines used so far (one before any item).</summary>
    public readonly int Lines => _line + 1;

    /// <summary>Where an item <paramref name="width"/> pixels wide goes; an item wider than the box starts a line of its own.</summary>
    public (int X, int Y) Next(int width)
    {
        if (_x > box.X && _x + width > box.Right)
            (_line, _x) = (_line + 1, box.X);
        var at = (_x, box.Y + _line * lineHeight);
        _x += width + space;
        return at;
    }
}
