namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// The presenter view: the talk's position and times across the top, this step's notes large with the next step's
/// caption below them, every step down the right (the current one marked), and the presenter's notice at the bottom.
/// </summary>
internal sealed partial class CanvasComposer
{
    /// <summary>The notes' and next caption's column takes this share of the width; the step list the rest.</summary>
    private const float NotesShare = 0.62f;

    /// <summary>The notes' panel takes this share of the column's height; the next caption the rest.</summary>
    private const float NotesHeightShare = 0.66f;

    /// <summary>The mark before the current step in the list.</summary>
    private const string CurrentMark = ">";

    private void ComposePresenter(CanvasLayout layout, PresenterPart presenter)
    {
        // The header: the position in the accent colour at the left; the pacing, the elapsed time and the clock at the right.
        var header = layout.Header;
        Boxes.Area(header, BoxKind.Region, Boxes.Canvas);
        var baselineY = header.Y + (header.Height - _titleText.Face.CellHeight) / 2;
        _titleText.Add(presenter.Position, header.X, baselineY, Palette.Accent, header.Width / 3, header);
        var separator = 3 * _titleText.Face.CellWidth;
        var right = header.Right;
        foreach (var (text, colour) in (ReadOnlySpan<(string, uint)>)[(presenter.Clock, Palette.Title), (presenter.Elapsed, Palette.Title),
                     (presenter.Pacing, presenter.Over ? Palette.Warning : Palette.Text)])
        {
            if (text.Length == 0) continue;
            var width = _titleText.Measure(text);
            if (right - width < header.X + header.Width / 3) break;
            _titleText.Add(text, right - width, baselineY, colour, width, header);
            right -= width + separator;
        }

        var body = new Rect(header.X, header.Bottom + layout.Gap, header.Width, Math.Max(layout.Footer.Y - layout.Gap - header.Bottom - layout.Gap, 1));
        var notesWidth = (int)(body.Width * NotesShare);
        var notesHeight = (int)(body.Height * NotesHeightShare);
        var notes = new Rect(body.X, body.Y, notesWidth, notesHeight);
        var next = new Rect(body.X, notes.Bottom + layout.Gap, notesWidth, Math.Max(body.Bottom - notes.Bottom - layout.Gap, 1));
        var steps = new Rect(notes.Right + layout.Gap, body.Y, Math.Max(body.Right - notes.Right - layout.Gap, 1), body.Height);

        // The notes in the caption's large face where they fit whole, else in the smaller faces: never cut short.
        var notesArea = AddPanel(layout, notes, "Notes", "");
        var notesText = Rows(notesArea, presenter.Notes, _captionText) <= notesArea.Height ? _captionText
            : Rows(notesArea, presenter.Notes, _titleText) <= notesArea.Height ? _titleText : _bodyText;
        Lines(notesArea, notes, presenter.Notes, notesText, Palette.Title, "");
        Lines(AddPanel(layout, next, "Next", ""), next, presenter.NextCaption, _captionText, Palette.Text, presenter.NextNote);

        var list = AddPanel(layout, steps, "Steps", "");
        var lineHeight = (int)(_bodyText.Face.CellHeight * 1.3f);
        var markWidth = _bodyText.Width(CurrentMark.Length + 1);
        // The list scrolls to keep the current step in view: as many steps above it as fit in the top half.
        var fits = Math.Max(list.Height / lineHeight, 1);
        var first = Math.Clamp(presenter.Current - fits / 2, 0, Math.Max(presenter.Steps.Count - fits, 0));
        for (var index = first; index < presenter.Steps.Count && index - first < fits; index++)
        {
            var y = list.Y + (index - first) * lineHeight;
            var current = index == presenter.Current;
            if (current) _bodyText.Add(CurrentMark, list.X, y, Palette.Accent, markWidth, steps);
            _bodyText.Add(presenter.Steps[index], list.X + markWidth, y, current ? Palette.Accent : Palette.Text, list.Width - markWidth, steps);
        }

        var footer = layout.Footer;
        Boxes.Area(footer, BoxKind.Region, Boxes.Canvas);
        var footerY = footer.Y + (footer.Height - _bodyText.Face.CellHeight) / 2;
        _bodyText.Add(presenter.Notice, footer.X, footerY, Palette.Warning, footer.Width, footer);
    }

    /// <summary>
    /// Lines of <paramref name="batch"/>'s face down <paramref name="area"/>, each wrapped at spaces to its width (a word
    /// wider than the area is cut), while they fit its height; <paramref name="empty"/> in dim when there are none.
    /// </summary>
    private static void Lines(Rect area, Rect panel, IReadOnlyList<string> lines, GlyphBatch batch, uint colour, string empty)
    {
        var lineHeight = LineHeight(batch);
        if (lines.Count == 0)
        {
            batch.Add(empty, area.X, area.Y, Palette.Dim, area.Width, panel);
            return;
        }
        var y = area.Y;
        for (var index = 0; index < lines.Count; index++)
        {
            var rest = lines[index].AsSpan();
            do
            {
                if (y + batch.Face.CellHeight > area.Bottom) return;
                var kept = Wrapped(rest, batch, area.Width);
                batch.Add(rest[..kept].TrimEnd(' '), area.X, y, colour, area.Width, panel);
                rest = rest[kept..].TrimStart(' ');
                y += lineHeight;
            }
            while (!rest.IsEmpty);
        }
    }

    /// <summary>The height that <paramref name="lines"/>, wrapped as <see cref="Lines"/> wraps them, take in <paramref name="batch"/>'s face.</summary>
    private static int Rows(Rect area, IReadOnlyList<string> lines, GlyphBatch batch)
    {
        var rows = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            var rest = lines[index].AsSpan();
            do
            {
                var kept = Wrapped(rest, batch, area.Width);
                rest = rest[kept..].TrimStart(' ');
                rows++;
            }
            while (!rest.IsEmpty);
        }
        return rows == 0 ? 0 : (rows - 1) * LineHeight(batch) + batch.Face.CellHeight;
    }

    private static int LineHeight(GlyphBatch batch) => (int)(batch.Face.CellHeight * 1.15f);

    /// <summary>How much of <paramref name="text"/> one line of <paramref name="width"/> takes: up to its last space that fits, or all when it fits, or (one long word) all of it, cut.</summary>
    private static int Wrapped(ReadOnlySpan<char> text, GlyphBatch batch, int width)
    {
        if (batch.Measure(text) <= width) return text.Length;
        var end = 0;
        for (var space = text.IndexOf(' '); space > 0 && batch.Measure(text[..space]) <= width; space = text[(space + 1)..].IndexOf(' ') is >= 0 and var next ? space + 1 + next : -1)
            end = space;
        return end > 0 ? end : text.Length;
    }
}
