using LvaeLive.Imaging.Text;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Where the panels go on a canvas of any size: a header, the panels filling everything down to the footer (or to the
/// caption band above it, when captions are asked for), and a footer. Wide canvases get three columns (digits, latent
/// map, reconstructions over curves), the digits' column as wide as makes its square grid fill the panel's height;
/// squarer ones two rows (digits and map over reconstructions and curves), so that the square-ish digit grid and map
/// stay large. Spacing and font sizes grow with the canvas (relative to 1280x720) and the user's UI scale, with a floor
/// that keeps text legible on small canvases and a ceiling that leaves the panels room for what they show.
/// </summary>
/// <param name="Canvas">The whole canvas, at the origin.</param>
/// <param name="Caption">The band across the canvas above the footer that captions go in; empty without caption lines.</param>
/// <param name="CaptionLineHeight">The pitch of caption lines: the caption face's cells and their leading.</param>
public readonly record struct CanvasLayout(
    Rect Canvas, float Scale, int Margin, int Gap, int Padding, float BodyPixels, float TitlePixels, float CaptionPixels,
    int CaptionLineHeight, Rect Header, Rect Footer, Rect Caption, Rect Digits, Rect Map, Rect Reconstructions, Rect Curves)
{
    /// <summary>The atlas's faces, in the order of <see cref="FaceRequests"/>: DejaVu Sans Mono for panels, DejaVu Sans for captions.</summary>
    public const int BodyFace = 0;
    public const int TitleFace = 1;
    public const int CaptionFace = 2;

    /// <summary>Width over height from which three columns fit better than two rows.</summary>
    private const float WideAspect = 1.5f;

    /// <summary>The digits' column takes between these shares of the columns' width: enough to fill its height, and never starving the map.</summary>
    private const float MinDigitsShare = 0.3f, MaxDigitsShare = 0.42f;

    /// <summary>
    /// The smallest canvas, in pixels of scale 1, that the scale leaves: 1280x720 at a UI scale of 2 (1920x1080 at 2,
    /// 3840x2160 at 2). A larger scale would leave the panels too little room for a plot's ticks or a labelled grid,
    /// so 3840x2160 at a UI scale of 3 is drawn as at 2.
    /// </summary>
    private const float MinScaledWidth = 640, MinScaledHeight = 360;

    /// <summary>
    /// Characters of the longest caption line that fit across the canvas: the caption's size gives way to its width
    /// before a talk's line is cut. DejaVu Sans sets about half an em per character.
    /// </summary>
    private const float CaptionCharacters = 56, SansEmPerCharacter = 0.51f;

    /// <param name="captionLines">Lines of caption to make room for (0: none, the panels reach the footer).</param>
    /// <param name="panels">The panels shown: all in their usual places, or else the shown ones side by side, each
    /// as wide as the others (a hidden panel gets an empty rectangle).</param>
    public static CanvasLayout Compute(int width, int height, float uiScale, int captionLines = 0, CanvasPanels panels = CanvasPanels.All)
    {
        var scale = MathF.Min(uiScale * Math.Clamp(Math.Min(width / 1280f, height / 720f), 0.75f, 3f), Math.Max(Math.Min(width / MinScaledWidth, height / MinScaledHeight), 0.75f));
        var margin = Px(12, scale);
        var gap = Px(10, scale);
        var padding = Px(8, scale);
        var bodyPixels = MathF.Max(MathF.Round(13 * scale), 10);
        var titlePixels = MathF.Max(MathF.Round(16 * scale), 12);
        var captionRoom = width - 2 * margin - 4 * padding;
        var captionPixels = MathF.Max(MathF.Min(MathF.Round(30 * scale), MathF.Floor(captionRoom / (CaptionCharacters * SansEmPerCharacter))), 16);
        var captionLineHeight = (int)MathF.Ceiling(captionPixels * 1.3f);
        var header = new Rect(margin, margin, width - 2 * margin, (int)(titlePixels * 1.9f));
        var footerHeight = (int)(bodyPixels * 1.7f);
        var footer = new Rect(margin, height - margin - footerHeight, width - 2 * margin, footerHeight);

        var captionHeight = captionLines > 0 ? CaptionBoxHeight(captionLines, captionLineHeight, padding) : 0;
        var caption = new Rect(margin, footer.Y - captionHeight, width - 2 * margin, captionHeight);
        var above = captionLines > 0 ? caption.Y : footer.Y;
        var body = new Rect(margin, header.Bottom + gap, width - 2 * margin, Math.Max(above - gap - header.Bottom - gap, 1));
        // A panel's content is its width less the padding, and its height less the padding and a title line (about 1.3
        // title heights): the width at which a square grid fills the height.
        var squareWidth = body.Height - (int)(titlePixels * 1.3f) - padding;
        // Lines of text as the atlas sets them (a cell is about 1.2 pixel sizes tall): a panel's title and padding, then
        // three lines of reconstructions at least, or one plot (a header of two lines, three ticks a line apart, x labels).
        var (bodyLine, panelFrame) = (MathF.Ceiling(bodyPixels * 1.2f), (int)MathF.Ceiling(titlePixels * 1.2f) + 3 * padding);
        var (minReconstructions, minCurves) = (panelFrame + (int)(3 * bodyLine), panelFrame + (int)(5.75f * bodyLine));
        var (digits, map, reconstructions, curves) = panels == CanvasPanels.All
            ? width >= WideAspect * height ? Columns(body, gap, squareWidth, minReconstructions, minCurves) : Rows(body, gap)
            : SideBySide(body, gap, panels);
        return new CanvasLayout(new Rect(0, 0, width, height), scale, margin, gap, padding, bodyPixels, titlePixels, captionPixels,
            captionLineHeight, header, footer, caption, digits, map, reconstructions, curves);
    }

    /// <summary>The height of a caption's box of <paramref name="lines"/> lines: the band's height when it has as many.</summary>
    public int CaptionHeight(int lines) => CaptionBoxHeight(lines, CaptionLineHeight, Padding);

    private static int CaptionBoxHeight(int lines, int lineHeight, int padding) => lines * lineHeight + 2 * padding;

    /// <summary>The layout of <paramref name="frame"/> on a canvas of <paramref name="size"/>.</summary>
    public static CanvasLayout For(CanvasFrame frame, Extent2D size) =>
        Compute((int)size.Width, (int)size.Height, frame.Chrome.UiScale, frame.Chrome.CaptionLines, frame.Chrome.Panels);

    /// <summary>The glyph atlas's faces for this layout's text sizes, in face order.</summary>
    public FaceRequest[] FaceRequests => [new(BodyPixels, Typeface.Mono), new(TitlePixels, Typeface.Mono), new(CaptionPixels, Typeface.Sans)];

    /// <summary>The shown panels in equal columns, in the usual order; the hidden ones empty.</summary>
    private static (Rect, Rect, Rect, Rect) SideBySide(Rect body, int gap, CanvasPanels panels)
    {
        // Counted and placed without a collection: the layout is computed every frame.
        var shown = int.PopCount((int)(panels & CanvasPanels.All));
        var width = Math.Max((body.Width - (shown - 1) * gap) / Math.Max(shown, 1), 1);
        var column = 0;
        Rect Place(CanvasPanels panel) => (panels & panel) != 0
            ? body with { X = body.X + column++ * (width + gap), Width = width }
            : new Rect(body.X, body.Y, 0, 0);
        var (digits, map, reconstructions) = (Place(CanvasPanels.Digits), Place(CanvasPanels.Map), Place(CanvasPanels.Reconstructions));
        return (digits, map, reconstructions, Place(CanvasPanels.Curves));
    }

    /// <summary>
    /// Digits | map | reconstructions over curves; the map takes four sevenths of what the digits leave, and the curves
    /// at least <paramref name="minCurves"/> of the right column. Where the column is too short to stack the
    /// reconstructions (<paramref name="minReconstructions"/>) over that (a large UI scale, a caption band), the two
    /// stand side by side instead, each the column's full height.
    /// </summary>
    private static (Rect, Rect, Rect, Rect) Columns(Rect body, int gap, int squareWidth, int minReconstructions, int minCurves)
    {
        var inner = Math.Max(body.Width - 2 * gap, 3);
        var digitsWidth = Math.Clamp(squareWidth, (int)(inner * MinDigitsShare), (int)(inner * MaxDigitsShare));
        var digits = body with { Width = digitsWidth };
        if (body.Height >= minReconstructions + gap + minCurves)
        {
            var map = body with { X = digits.Right + gap, Width = (inner - digitsWidth) * 4 / 7 };
            var right = body with { X = map.Right + gap, Width = Math.Max(body.Right - map.Right - gap, 1) };
            var share = Math.Min(0.4f, (body.Height - gap - minCurves) / (float)(body.Height - gap));
            var (reconstructions, curves) = SplitHeight(right, share, gap);
            return (digits, map, reconstructions, curves);
        }
        // The map gives way most: a third of the rest. The curves get a little more than the reconstructions, for
        // their axes' labels.
        var rest = Math.Max(inner - digitsWidth - gap, 3);
        var narrowMap = body with { X = digits.Right + gap, Width = rest / 3 };
        var beside = body with { X = narrowMap.Right + gap, Width = Math.Max(body.Right - narrowMap.Right - gap, 1) };
        var (sideReconstructions, sideCurves) = SplitWidth(beside, 0.45f, gap);
        return (digits, narrowMap, sideReconstructions, sideCurves);
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
    public static (Rect First, Rect Second) Halves(Rect rect, int gap) => Halves(rect, gap, beside: rect.Width >= rect.Height);

    /// <summary>A race's two halves of a panel, side by side (the first model's left) or one above the other (the first on top).</summary>
    public static (Rect First, Rect Second) Halves(Rect rect, int gap, bool beside) =>
        beside ? SplitWidth(rect, 0.5f, gap) : SplitHeight(rect, 0.5f, gap);

    /// <summary>The part of a panel below its title line, inside its padding.</summary>
    public Rect PanelContent(Rect panel, GlyphFace title) => panel.Inset(Padding).BelowTop(title.CellHeight + Padding);

    private static int Px(float basePixels, float scale) => Math.Max((int)MathF.Round(basePixels * scale), 1);
}
