namespace LvaeLive.Shaders.Canvas;

/// <summary>Header (title and HUD), footer (key hints and device) and the help overlay.</summary>
internal sealed partial class CanvasComposer
{
    /// <summary>What stands between the footer's key hints (KeyMap.FooterHints): a cut footer ends at one.</summary>
    private const string HintSeparator = "   ";

    private void ComposeChrome(CanvasLayout layout, CanvasFrame frame, string deviceName)
    {
        if (frame.Chrome.Clean)
            return;
        var header = layout.Header;
        Boxes.Area(header, BoxKind.Region, Boxes.Canvas);
        var titleFace = _titleText.Face;
        var bodyFace = _bodyText.Face;
        var baselineY = header.Y + (header.Height - titleFace.CellHeight) / 2;
        var x = header.X + _titleText.Add(frame.Chrome.Title, header.X, baselineY, Palette.Accent, header.Width / 3, header);
        var bodyY = baselineY + titleFace.Baseline - bodyFace.Baseline;
        var separator = 3 * bodyFace.CellWidth;
        x += separator;
        // Lines in order while they fit; the first that does not is cut (or left out) and ends the row.
        for (var index = 0; index < frame.Hud.Count; index++)
        {
            var line = frame.Hud[index];
            var width = _bodyText.Add(line, x, bodyY, Palette.Text, header.Right - x, header);
            if (width < _bodyText.Measure(line))
                break;
            x += width + separator;
        }

        if (layout.Caption.Height > 0)
            Boxes.Area(layout.Caption, BoxKind.Region, Boxes.Canvas);
        var footer = layout.Footer;
        Boxes.Area(footer, BoxKind.Region, Boxes.Canvas);
        var footerY = footer.Y + (footer.Height - bodyFace.CellHeight) / 2;
        var deviceWidth = _bodyText.Width(deviceName.Length);
        _bodyText.Add(deviceName, footer.Right - deviceWidth, footerY, Palette.Dim, deviceWidth, footer);
        _bodyText.Add(frame.Chrome.Footer, footer.X, footerY, Palette.Dim, footer.Width - deviceWidth - separator, footer, breaks: HintSeparator);
    }

    private void ComposeHelp(CanvasLayout layout, CanvasFrame frame)
    {
        if (!frame.Chrome.ShowHelp || frame.Chrome.Help.Count == 0)
            return;
        var body = _overlayBody.Face;
        var title = _overlayTitles.Face;
        var longest = 0;
        for (var index = 0; index < frame.Chrome.Help.Count; index++)
            longest = Math.Max(longest, frame.Chrome.Help[index].Length);
        var lineHeight = (int)(body.CellHeight * 1.25f);
        var pad = 2 * layout.Padding;
        var width = Math.Min(Math.Max(longest * body.CellWidth, 4 * title.CellWidth) + 2 * pad, layout.Canvas.Width - 2 * layout.Margin);
        var height = Math.Min(title.CellHeight + layout.Padding + frame.Chrome.Help.Count * lineHeight + 2 * pad, layout.Canvas.Height - 2 * layout.Margin);
        var box = layout.Canvas.Centred(width, height);
        OverlayPanel = PanelPush(box, Palette.Overlay, Palette.Accent, 8 * layout.Scale, 1.5f * layout.Scale);
        var inner = box.Inset(pad);
        _overlayTitles.Add("Help", inner.X, inner.Y, Palette.Accent, inner.Width, box, TextRole.Overlay);
        var y = inner.Y + title.CellHeight + layout.Padding;
        for (var index = 0; index < frame.Chrome.Help.Count && y + body.CellHeight <= inner.Bottom; index++)
        {
            _overlayBody.Add(frame.Chrome.Help[index], inner.X, y, Palette.Title, inner.Width, box, TextRole.Overlay);
            y += lineHeight;
        }
    }
}
