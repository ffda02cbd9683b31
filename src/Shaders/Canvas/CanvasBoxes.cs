using LvaeLive.Imaging.Text;

namespace LvaeLive.Shaders.Canvas;

/// <summary>What a non-text box of the canvas is.</summary>
public enum BoxKind
{
    /// <summary>A drawn rectangle: a panel, a plot's area, a legend swatch, the caption's box.</summary>
    Panel,
    /// <summary>A grid of digit tiles.</summary>
    Tiles,
    /// <summary>A part of a panel that holds others without being drawn: the header, the footer, one plot's cell.</summary>
    Region,
}

/// <summary>What a line of text is, for the layout's rules about it.</summary>
public enum TextRole
{
    Label,
    /// <summary>A panel's title: shortened only with an ellipsis, and only where the panel is too narrow for it.</summary>
    Title,
    /// <summary>A tick label of a plot's x axis; its container is the plot's cell.</summary>
    XTick,
    /// <summary>A tick label of a plot's y axis; its container is the plot's cell.</summary>
    YTick,
    /// <summary>The help overlay, drawn over everything on purpose.</summary>
    Overlay,
}

/// <summary>A panel, tile grid or region, inside <paramref name="Container"/> (the canvas for the outermost).</summary>
public readonly record struct PlacedArea(Rect Rect, BoxKind Kind, Rect Container);

/// <summary>
/// A line of text as placed: its cells' rectangle (empty when nothing of it fit), the panel or region it belongs in,
/// the text it was given and what was drawn of it (a cut line ends in an ellipsis).
/// </summary>
public readonly record struct PlacedText(Rect Rect, Rect Container, TextRole Role, string Text, string Drawn);

/// <summary>
/// Every box one frame's composition placed: panels, tile grids and regions, and each line of text with the box it
/// belongs in. Filled anew each frame without allocating (text is copied into a reused buffer); the layout tests read
/// it to find overlaps, text outside its panel and cut titles.
/// </summary>
public sealed class CanvasBoxes
{
    private readonly List<PlacedArea> _areas = new(128);
    private readonly List<(Rect Rect, Rect Container, TextRole Role, int Start, int Length, int Drawn, bool Ellipsis)> _texts = new(512);
    private char[] _characters = new char[16_384];
    private int _used;

    /// <summary>The whole canvas: the container of the outermost boxes.</summary>
    public Rect Canvas { get; private set; }

    public IReadOnlyList<PlacedArea> Areas => _areas;

    /// <summary>The text boxes, materialised (this allocates: for checks, not for every frame).</summary>
    public IReadOnlyList<PlacedText> Texts => _texts.Select(t => new PlacedText(t.Rect, t.Container, t.Role,
        new string(_characters, t.Start, t.Length), new string(_characters, t.Start, t.Drawn) + (t.Ellipsis ? GlyphFace.Ellipsis : ""))).ToArray();

    internal void Begin(Rect canvas)
    {
        Canvas = canvas;
        _areas.Clear();
        _texts.Clear();
        _used = 0;
    }

    internal void Area(Rect rect, BoxKind kind, Rect container) => _areas.Add(new PlacedArea(rect, kind, container));

    /// <summary>A line of text, of which the first <paramref name="drawn"/> characters were drawn, then an ellipsis or not.</summary>
    internal void Text(ReadOnlySpan<char> text, Rect rect, Rect container, TextRole role, int drawn, bool ellipsis)
    {
        if (_used + text.Length > _characters.Length)
            Array.Resize(ref _characters, Math.Max(2 * _characters.Length, _used + text.Length));
        text.CopyTo(_characters.AsSpan(_used));
        _texts.Add((rect, container, role, _used, text.Length, drawn, ellipsis));
        _used += text.Length;
    }
}
