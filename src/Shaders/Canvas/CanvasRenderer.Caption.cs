namespace LvaeLive.Shaders.Canvas;

/// <summary>A talk's caption, large and proportional at the bottom over the panels; and the presenter's blank screen.</summary>
public sealed partial class CanvasRenderer
{
    /// <summary>The atlas face of captions: DejaVu Sans, after the layout's body and title faces.</summary>
    public const int CaptionFace = 2;

    private void ComposeCaption(CanvasLayout layout, CanvasFrame frame)
    {
        if (frame.Chrome.Caption.Count == 0)
            return;
        var face = _captionText.Face;
        var lineHeight = (int)(face.CellHeight * 1.15f);
        var pad = 2 * layout.Padding;
        var widest = 0;
        foreach (var line in frame.Chrome.Caption)
            widest = Math.Max(widest, face.Measure(line));
        var room = layout.Footer.Width;
        var width = Math.Min(widest + 2 * pad, room);
        var height = frame.Chrome.Caption.Count * lineHeight + 2 * pad - (lineHeight - face.CellHeight);
        // In the layout's caption band when the frame asked for one; otherwise over the panels, just above the footer.
        var bottom = layout.Caption.Height > 0 ? layout.Caption.Y + (layout.Caption.Height + height) / 2 : layout.Footer.Y - layout.Gap;
        var box = new Rect(layout.Footer.X + (room - width) / 2, bottom - height, width, height);
        _captionPanel = PanelPush(box, Palette.Overlay, Palette.PanelBorder, 8 * layout.Scale, 1);
        var y = box.Y + pad;
        foreach (var line in frame.Chrome.Caption)
        {
            var lineWidth = Math.Min(face.Measure(line), box.Width - 2 * pad);
            _captionText.Add(line, box.X + (box.Width - lineWidth) / 2, y, Palette.Title, box.Width - 2 * pad);
            y += lineHeight;
        }
    }

    /// <summary>A blank frame: one panel of <paramref name="colour"/> over the whole canvas, and nothing else composed.</summary>
    private void ComposeBlank(int width, int height, uint colour) =>
        _backPanels.Add(PanelPush(new Rect(0, 0, width, height), colour, colour, 0, 0));
}
