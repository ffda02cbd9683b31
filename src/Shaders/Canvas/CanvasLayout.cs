using LvaeLive.Render.Text;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Where the panels go on a canvas of any size: a header, three columns (digits, latent map, reconstructions over
/// curves) and a footer. Spacing and font sizes grow with the canvas (relative to 1280x720) and the user's UI scale,
/// with a floor that keeps text legible on small canvases.
/// </summary>
public readonly record struct CanvasLayout(
    float Scale, int Margin, int Gap, int Padding, float BodyPixels, float TitlePixels,
    Rect Header, Rect Footer, Rect Digits, Rect Map, Rect Reconstructions, Rect Curves)
{
    public const int BodyFace = 0;
    public const int TitleFace = 1;

    public static CanvasLayout Compute(int width, int height, float uiScale)
    {
        var scale = uiScale * Math.Clamp(Math.Min(width / 1280f, height / 720f), 0.75f, 3f);
        var margin = Px(12, scale);
        var gap = Px(10, scale);
        var bodyPixels = MathF.Max(MathF.Round(13 * scale), 10);
        var titlePixels = MathF.Max(MathF.Round(16 * scale), 12);
        var header = new Rect(margin, margin, width - 2 * margin, (int)(titlePixels * 1.9f));
        var footerHeight = (int)(bodyPixels * 1.7f);
        var footer = new Rect(margin, height - margin - footerHeight, width - 2 * margin, footerHeight);

        var top = header.Bottom + gap;
        var available = Math.Max(footer.Y - gap - top, 1);
        var contentWidth = width - 2 * margin;
        var padding = Px(8, scale);
        var side = Math.Max((int)Math.Min(available, (contentWidth - 2 * gap) * 0.36f), 1);
        // Panels no taller than a square plot plus its title and legend lines; the block sits centred between header and footer.
        var contentHeight = Math.Min(available, side + (int)(titlePixels * 1.3f + bodyPixels * 1.7f) + 3 * padding);
        top += (available - contentHeight) / 2;
        var right = Math.Max(contentWidth - 2 * side - 2 * gap, 1);
        var digits = new Rect(margin, top, side, contentHeight);
        var map = new Rect(digits.Right + gap, top, side, contentHeight);
        var reconHeight = (int)(contentHeight * 0.42f);
        var reconstructions = new Rect(map.Right + gap, top, right, reconHeight);
        var curves = new Rect(map.Right + gap, reconstructions.Bottom + gap, right, Math.Max(contentHeight - reconHeight - gap, 1));
        return new CanvasLayout(scale, margin, gap, padding, bodyPixels, titlePixels, header, footer, digits, map, reconstructions, curves);
    }

    /// <summary>The part of a panel below its title line, inside its padding.</summary>
    public Rect PanelContent(Rect panel, GlyphFace title) => panel.Inset(Padding).BelowTop(title.CellHeight + Padding);

    private static int Px(float basePixels, float scale) => Math.Max((int)MathF.Round(basePixels * scale), 1);
}
