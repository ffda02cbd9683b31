using LvaeLive.Imaging.Text;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Where the panels go on a canvas of any size: a header, the panels filling everything down to the footer (or to the
/// caption band above it, when captions are asked for), and a footer. Wide canvases get three columns (digits, latent
/// map, reconstructions over curves), the digits' column as wide as makes its square grid fill the panel's height;
/// squarer ones two rows (digits and map over reconstructions and curves), so that the square-ish digit grid and map
/// stay large. Spacing and font sizes grow with the canvas (relative to 1280x720) and the user's UI scale, with a floor
/// that keeps text legible on small canvases.
/// </summary>
/// <param name="Canvas">The whole canvas, at the origin.</param>
/// <param name="Caption">The band across the canvas above the footer that captions go in; empty without caption lines.</param>
public readonly record struct CanvasLayout(
    Rect Canvas, float Scale, int Margin, int Gap, int Padding, float BodyPixels, float TitlePixels, float CaptionPixels,
    Rect Header, Rect Footer, Rect Caption, Rect Digits, Rect Map, Rect Reconstructions, Rect Curves)
{
    /// <summary>The atlas's faces, in the order of <see cref="FaceRequests"/>: DejaVu Sans Mono for panels, DejaVu Sans for captions.</summary>
    public const int BodyFace = 0;
    public const int TitleFace = 1;
    public const int CaptionFace = 2;

    /// <summary>Width over height from which three columns fit better than two rows.</summary>
    private const float WideAspect = 1.5f;

    /// <summary>The digits' column takes between these shares of the columns' width: enough to fill its height, and never starving the map.</summary>
    private const float MinDigitsShare = 0.3f, MaxDigitsShare = 0.42f;

    /// <param name="captionLines">Lines of caption to make room for (0: none, the panels reach the footer).</param>
    /// <param name="panels">The panels shown: all in their usual places, or else the shown ones side by side, each
    /// as wide as the others (a hidden panel gets an empty rectangle).</param>
    public static CanvasLayout Compute(int width, int height, float uiScale, int captionLines = 0, CanvasPanels panels = CanvasPanels.All)
    {
        var scale = uiScale * Math.Clamp(Math.Min(width / 1280f, height / 720f), 0.75f, 3f);
        var margin = Px(12, scale);
        var gap = Px(10, scale);
        var padding = Px(8, scale);
        var bodyPixels = MathF.Max(MathF.Round(13 * scale), 10);
        var titlePixels = MathF.Max(MathF.Round(16 * scale), 12);
        var captionPixels = MathF.Max(MathF.Round(30 * scale), 16);
        var header = new Rect(margin, margin, width - 2 * margin, (int)(titlePixels * 1.9f));
        var footerHeight = (int)(bodyPixels * 1.7f);
        var footer = new Rect(margin, height - margin - footerHeight, width - 2 * margin, footerHeight);

        var captionHeight = captionLines > 0 ? (int)(captionLines * captionPixels * 1.3f) + 2 * padding : 0;
        var caption = new Rect(margin, footer.Y - captionHeight, width - 2 * margin, captionHeight);
        var above = captionLines > 0 ? caption.Y : footer.Y;
        var body = new Rect(margin, header.Bottom + gap, width - 2 * margin, Math.Max(above - gap - header.Bottom - gap, 1));
        // A panel's content is its width less the padding, and its height less the padding and a title line (about 1.3
        // title heights): the width at which a square grid fills the height.
        var squareWidth = body.Height - (int)(titlePixels * 1.3f) - padding;
        var (digits, map, reconstructions, curves) = panels == CanvasPanels.All
            ? width >= WideAspect * height ? Columns(body, gap, squareWidth) : Rows(body, gap)
            : SideBySide(body, gap, panels);
        return new CanvasLayout(new Rect(0, 0, width, height), scale, margin, gap, padding, bodyPixels, titlePixels, captionPixels, header, footer, caption, digits, map, reconstructions, curves);
    }

    /// <summary>The layout of <paramref name="frame"/> on a canvas of <paramref name="size"/>.</summary>
    public static CanvasLayout For(CanvasFrame frame, Extent2D size) =>
        Compute((int)size.Width, (int)size.Height, frame.Chrome.UiScale, frame.Chrome.CaptionLines, frame.Chrome.Panels);

    /// <summary>The glyph atlas's faces for this layout's text sizes, in face order.</summary>
    public FaceRequest[] FaceRequests => [new(BodyPixels, Typeface.Mono), new(TitlePixels, Typeface.Mono), new(CaptionPixels, Typeface.Sans)];

    /// <summary>The shown panels in equal columns, in the usual order; the hidden ones empty.</summary>
    private static (Rect, Rect, Rect, Rect) SideBySide(Rect body, int gap, CanvasPanels panels)
    {
        CanvasPanels[] order = [CanvasPanels.Digits, CanvasPanels.Map, CanvasPanels.Reconstructions, CanvasPanels.Curves];
        var shown = order.Where(panel => panels.HasFlag(panel)).ToArray();
        var width = Math.Max((body.Width - (shown.Length - 1) * gap) / Math.Max(shown.Length, 1), 1);
        var rects = order.Select(panel => Array.IndexOf(shown, panel) is var column and >= 0
            ? body with { X = body.X + column * (width + gap), Width = width }
            : new Rect(body.X, body.Y, 0, 0)).ToArray();
        return (rects[0], rects[1], rects[2], rects[3]);
    }

    /// <summary>Digits | map | reconstructions over curves; the map takes four sevenths of what the digits leave.</summary>
    private static (Rect, Rect, Rect, Rect) Columns(Rect body, int gap, int squareWidth)
    {
        var inner = Math.Max(body.Width - 2 * gap, 3);
        var digitsWidth = Math.Clamp(squareWidth, (int)(inner * MinDigitsShare), (int)(inner * MaxDigitsShare));
        var mapWidth = (inner - digitsWidth) * 4 / 7;
        var digits = body with { Width = digitsWidth };
        var map = body with { X = digits.Right + gap, Width = mapWidth };
        var right = body with { X = map.Right + gap, Width = Math.Max(body.Right - map.Right - gap, 1) };
        var (reconstructions, curves) = SplitHeight(right, 0.4f, gap);
        return (digits, map, reconstructions, curves);
    }

    /// <summary>Digits | map over reconstructions | curves.</summary>
    private static (Rect, Rect, Rect, Rect) Rows(Rect body, int gap)
    {
        var (top, bottom) = SplitHeight(body, 0.6f, gap);
        var (digits, map) = SplitWidth(top, 0.47f, gap);
        var (reconstructions, curves) = SplitWidth(bottom, 0.42f, gap);
        return (digits, map, reconstructions, curves);
    }

    private static (Rect, Rect) SplitHeight(Rect rect, float share, int gap)
    {
        var first = Math.Max((int)((rect.Height - gap) * share), 1);
        return (rect with { Height = first }, rect with { Y = rect.Y + first + gap, Height = Math.Max(rect.Height - first - gap, 1) });
    }

    private static (Rect, Rect) SplitWidth(Rect rect, float share, int gap)
    {
        var first = Math.Max((int)((rect.Width - gap) * share), 1);
        return (rect with { Width = first }, rect with { X = rect.X + first + gap, Width = Math.Max(rect.Width - first - gap, 1) });
    }

    /// <summary>A race's two halves of a panel, split across its longer side: the first model's left or on top.</summary>
    public static (Rect First, Rect Second) Halves(Rect rect, int gap) =>
        rect.Width >= rect.Height ? SplitWidth(rect, 0.5f, gap) : SplitHeight(rect, 0.5f, gap);

    /// <summary>The part of a panel below its title line, inside its padding.</summary>
    public Rect PanelContent(Rect panel, GlyphFace title) => panel.Inset(Padding).BelowTop(title.CellHeight + Padding);

    private static int Px(float basePixels, float scale) => Math.Max((int)MathF.Round(basePixels * scale), 1);
}
