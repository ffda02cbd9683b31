using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>
/// What a composed canvas must hold to, on any screen: boxes inside the box they belong in, no two text boxes over
/// each other or over a panel, tile grid or plot that is not theirs, no line cut without an ellipsis, titles whole
/// wherever their panel is wide enough (else cut with an ellipsis, keeping at least <see cref="MinTitleCharacters"/>
/// characters), and at least <see cref="MinTicks"/> tick labels on each axis of every plot.
/// </summary>
internal static class LayoutRules
{
    /// <summary>The rules' own numbers, not the renderer's: a test that read them from the renderer would follow it anywhere.</summary>
    public const int MinTitleCharacters = 10;
    public const int MinTicks = 3;

    /// <summary>Every rule broken, one line each (empty when the canvas holds to all).</summary>
    public static List<string> Broken(CanvasBoxes boxes, int padding, int titleCellWidth)
    {
        var broken = new List<string>();
        var areas = boxes.Areas;
        var texts = boxes.Texts.Where(t => t.Role != TextRole.Overlay).ToArray();
        foreach (var area in areas)
        {
            if (!Inside(area.Rect, area.Container))
                broken.Add($"{area.Kind} {area.Rect} leaves its container {area.Container}");
        }
        for (var a = 0; a < areas.Count; a++)
            for (var b = a + 1; b < areas.Count; b++)
                if (areas[a].Container == areas[b].Container && Overlap(areas[a].Rect, areas[b].Rect))
                    broken.Add($"{areas[a].Kind} {areas[a].Rect} overlaps {areas[b].Kind} {areas[b].Rect}");

        var shown = texts.Where(t => t.Rect.Width > 0).ToArray();
        foreach (var text in shown)
        {
            if (!Inside(text.Rect, text.Container))
                broken.Add($"'{text.Drawn}' {text.Rect} leaves its box {text.Container}");
            var holders = Holders(text.Container, areas, boxes.Canvas);
            foreach (var area in areas)
                if (!holders.Contains(area.Rect) && Overlap(text.Rect, area.Rect))
                    broken.Add($"'{text.Drawn}' {text.Rect} lies over {area.Kind} {area.Rect}");
        }
        for (var a = 0; a < shown.Length; a++)
            for (var b = a + 1; b < shown.Length; b++)
                if (Overlap(shown[a].Rect, shown[b].Rect))
                    broken.Add($"'{shown[a].Drawn}' {shown[a].Rect} overlaps '{shown[b].Drawn}' {shown[b].Rect}");

        foreach (var text in texts.Where(t => t.Drawn != t.Text))
        {
            if (!text.Drawn.EndsWith(GlyphFace.Ellipsis) && text.Drawn.Length > 0)
                broken.Add($"'{text.Text}' is cut to '{text.Drawn}' without an ellipsis");
            if (text.Role == TextRole.Title && text.Text.Length * titleCellWidth <= text.Container.Width - 2 * padding)
                broken.Add($"the title '{text.Text}' is cut to '{text.Drawn}' in a panel {text.Container.Width} px wide that could hold it");
            else if (text.Role == TextRole.Title && text.Drawn.Length - 1 < MinTitleCharacters)
                broken.Add($"the title '{text.Text}' keeps only '{text.Drawn}'");
        }

        foreach (var cell in areas.Where(a => a.Kind == BoxKind.Region && texts.Any(t => t.Container == a.Rect && t.Role is TextRole.XTick or TextRole.YTick)))
        {
            foreach (var axis in new[] { TextRole.XTick, TextRole.YTick })
            {
                var labels = shown.Count(t => t.Container == cell.Rect && t.Role == axis);
                if (labels < MinTicks)
                    broken.Add($"the plot in {cell.Rect} has {labels} {(axis == TextRole.XTick ? "x" : "y")} tick labels");
            }
        }
        return broken;
    }

    /// <summary>The box a text belongs in and every box that holds that one, up to the canvas.</summary>
    private static HashSet<Rect> Holders(Rect container, IReadOnlyList<PlacedArea> areas, Rect canvas)
    {
        var holders = new HashSet<Rect> { container };
        for (var current = container; current != canvas;)
        {
            var parent = areas.FirstOrDefault(a => a.Rect == current);
            if (parent == default || !holders.Add(parent.Container))
                break;
            current = parent.Container;
        }
        return holders;
    }

    public static bool Inside(Rect inner, Rect outer) =>
        inner.X >= outer.X && inner.Y >= outer.Y && inner.Right <= outer.Right && inner.Bottom <= outer.Bottom;

    public static bool Overlap(Rect a, Rect b) =>
        a.Width > 0 && a.Height > 0 && b.Width > 0 && b.Height > 0 && a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
}
