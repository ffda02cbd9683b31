using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>Header (title and HUD), footer (key hints and device) and the help overlay.</summary>
public sealed partial class CanvasRenderer
{
    private void ComposeChrome(CanvasLayout layout, CanvasFrame frame)
    {
        if (frame.Chrome.Clean)
            return;
        var header = layout.Header;
        var titleFace = _titleText.Face;
        var bodyFace = _bodyText.Face;
        var baselineY = header.Y + (header.Height - titleFace.CellHeight) / 2;
        var x = header.X + _titleText.Add(frame.Chrome.Title, header.X, baselineY, Palette.Accent, header.Width / 3);
        var bodyY = baselineY + titleFace.Baseline - bodyFace.Baseline;
        var separator = 3 * bodyFace.CellWidth;
        x += separator;
        foreach (var line in frame.Hud)
        {
            if (x >= header.Right)
                break;
            x += _bodyText.Add(line, x, bodyY, Palette.Text, header.Right - x) + separator;
        }

        var footer = layout.Footer;
        var footerY = footer.Y + (footer.Height - bodyFace.CellHeight) / 2;
        var device = _gpu.DeviceName;
        var deviceWidth = _bodyText.Width(device.Length);
        _bodyText.Add(device, footer.Right - deviceWidth, footerY, Palette.Dim, deviceWidth);
        _bodyText.Add(frame.Chrome.Footer, footer.X, footerY, Palette.Dim, footer.Width - deviceWidth - separator);
    }

    private void ComposeHelp(CanvasLayout layout, CanvasFrame frame, Extent2D extent)
    {
        if (!frame.Chrome.ShowHelp || frame.Chrome.Help.Count == 0)
            return;
        var body = _overlayBody.Face;
        var title = _overlayTitles.Face;
        var longest = 0;
        foreach (var line in frame.Chrome.Help)
            longest = Math.Max(longest, line.Length);
        var lineHeight = (int)(body.CellHeight * 1.25f);
        var pad = 2 * layout.Padding;
        var width = Math.Min(Math.Max(longest * body.CellWidth, 4 * title.CellWidth) + 2 * pad, (int)extent.Width - 2 * layout.Margin);
        var height = Math.Min(title.CellHeight + layout.Padding + frame.Chrome.Help.Count * lineHeight + 2 * pad, (int)extent.Height - 2 * layout.Margin);
        var box = new Rect(0, 0, (int)extent.Width, (int)extent.Height).Centred(width, height);
        _overlayPanel = PanelPush(box, Palette.Overlay, Palette.Accent, 8 * layout.Scale, 1.5f * layout.Scale);
        var inner = box.Inset(pad);
        _overlayTitles.Add("Help", inner.X, inner.Y, Palette.Accent, inner.Width);
        var y = inner.Y + title.CellHeight + layout.Padding;
        foreach (var line in frame.Chrome.Help)
        {
            if (y + body.CellHeight > inner.Bottom)
                break;
            _overlayBody.Add(line, inner.X, y, Palette.Title, inner.Width);
            y += lineHeight;
        }
    }
}
