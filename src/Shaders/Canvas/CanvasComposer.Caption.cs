namespace LvaeLive.Shaders.Canvas;

/// <summary>A talk's caption, large and proportional at the bottom over the panels; and the presenter's black screen.</summary>
internal sealed partial class CanvasComposer
{
    private void ComposeCaption(CanvasLayout layout, CanvasFrame frame)
    {
        if (frame.Chrome.Caption.Count == 0)
            return;
        var face = _captionText.Face;
        var pad = 2 * layout.Padding;
        var widest = 0;
        for (var index = 0; index < frame.Chrome.Caption.Count; index++)
            widest = Math.Max(widest, face.Measure(frame.Chrome.Caption[index]));
        var room = layout.Footer.Width;
        var width = Math.Min(widest + 2 * pad, room);
        var height = layout.CaptionHeight(frame.Chrome.Caption.Count);
        // In the layout's caption band when the frame asked for one (which it fills when the lines are as many as the
        // band's); otherwise over the panels, just above the footer.
        var band = layout.Caption.Height > 0 ? layout.Caption : layout.Canvas;
        var bottom = layout.Caption.Height > 0 ? Math.Min(band.Y + (band.Height + height) / 2, band.Bottom) : layout.Footer.Y - layout.Gap;
        var box = new Rect(layout.Footer.X + (room - width) / 2, bottom - height, width, height);
        CaptionPanel = PanelPush(box, Palette.Overlay, Palette.PanelBorder, 8 * layout.Scale, 1);
        Boxes.Area(box, BoxKind.Panel, band);
        var y = box.Y + layout.Padding + (layout.CaptionLineHeight - face.CellHeight) / 2;
        for (var index = 0; index < frame.Chrome.Caption.Count; index++)
        {
            var line = frame.Chrome.Caption[index];
            var lineWidth = Math.Min(face.Measure(line), box.Width - 2 * pad);
            _captionText.Add(line, box.X + (box.Width - lineWidth) / 2, y, Palette.Title, box.Width - 2 * pad, box);
            y += layout.CaptionLineHeight;
        }
    }

    /// <summary>A blank frame: one panel of <paramref name="colour"/> over the whole canvas, and nothing else composed.</summary>
    private void ComposeBlank(Rect canvas, uint colour) =>
        BackPanels.Add(PanelPush(canvas, colour, colour, 0, 0));
}
