namespace LvaeLive.Shaders.Canvas;

/// <summary>The canvas colours, packed RGBA8 as the shaders unpack them (red in the low byte).</summary>
public static class Palette
{
    public static uint Rgba(byte r, byte g, byte b, byte a = 255) => r | (uint)g << 8 | (uint)b << 16 | (uint)a << 24;

    public static uint WithAlpha(uint colour, byte alpha) => (colour & 0x00ffffffu) | (uint)alpha << 24;

    public static readonly uint Background = Rgba(16, 18, 24);
    public static readonly uint Panel = Rgba(26, 29, 38);
    public static readonly uint PanelBorder = Rgba(48, 53, 68);
    public static readonly uint PlotBackground = Rgba(20, 22, 30);
    /// <summary>Behind a grid's head images: lighter than the panel, so that they read as apart from the grid.</summary>
    public static readonly uint HeadBand = Rgba(52, 58, 76);
    public static readonly uint Overlay = Rgba(12, 14, 20, 230);
    public static readonly uint Title = Rgba(232, 235, 242);
    public static readonly uint Text = Rgba(178, 184, 198);
    public static readonly uint Dim = Rgba(118, 124, 140);
    public static readonly uint Accent = Rgba(255, 196, 61);
    /// <summary>What the presenter must act on: a step over its planned time, a quit that asks for a second Q.</summary>
    public static readonly uint Warning = Rgba(255, 110, 90);
    public static readonly uint Grid = Rgba(70, 76, 94, 150);
    public static readonly uint Invalid = Rgba(255, 0, 255);
    public static readonly uint Marker = Rgba(255, 196, 61);
    public static readonly uint MarkerRing = Rgba(245, 245, 250);
    public static readonly uint Trail = Rgba(255, 230, 160, 230);

    /// <summary>Tableau 10: one colour per digit class, distinct on a dark background.</summary>
    public static readonly uint[] Classes =
    [
        Rgba(78, 121, 167), Rgba(242, 142, 43), Rgba(225, 87, 89), Rgba(118, 183, 178), Rgba(89, 161, 79),
        Rgba(237, 201, 72), Rgba(176, 122, 161), Rgba(255, 157, 167), Rgba(156, 117, 95), Rgba(186, 176, 172),
    ];

    /// <summary>Line colours of a plot's series, in order.</summary>
    public static readonly uint[] Series =
    [
        Rgba(97, 175, 239), Rgba(240, 128, 90), Rgba(152, 195, 121), Rgba(198, 120, 221), Rgba(229, 192, 123),
        Rgba(86, 182, 194), Rgba(224, 108, 117), Rgba(171, 178, 191), Rgba(209, 154, 102),
    ];
}
