namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// A race's bar charts in the curves panel: one group of two bars per layer, the first model's then the second's in
/// their own colours, each model named in the header beside its colour, on a y axis from zero with readable ticks.
/// </summary>
internal sealed partial class CanvasComposer
{
    /// <summary>Each group's share of its slot taken by the two bars; the rest parts the groups.</summary>
    private const float BarsShareOfGroup = 0.7f;

    /// <summary>The colours of the first and second model's bars: distinct from each other on the plot's background.</summary>
    private static uint FirstBarColour => Palette.Series[0];
    private static uint SecondBarColour => Palette.Series[1];

    /// <summary>The chart's area and y labels in <paramref name="cell"/>, or null when it cannot hold its header, three ticks and its group labels.</summary>
    private (Rect Area, AxisLabels Y)? MeasureBars(CanvasLayout layout, CanvasFrame frame, BarChart chart, Rect cell)
    {
        var body = _bodyText.Face;
        var headerLines = BarsHeader(layout, frame, chart, cell, place: false);
        var top = cell.Y + headerLines * body.CellHeight + body.CellHeight / 2;
        var bottom = cell.Bottom - body.CellHeight - layout.Padding / 4;
        if (bottom - top < 2 * body.CellHeight || YLabels(0, BarsTop(chart), bottom - top) is not { } y)
            return null;
        var area = AreaBesideYLabels(cell, top, bottom, y);
        // Every group keeps its label readable and each bar a few pixels.
        var widest = 0;
        // Indexed: an interface's enumerator is allocated, and the composer allocates nothing per frame.
        for (var group = 0; group < chart.Groups.Count; group++)
            widest = Math.Max(widest, _bodyText.Measure(chart.Groups[group]));
        var slot = area.Width / Math.Max(chart.Groups.Count, 1);
        return slot >= widest + body.CellWidth / 2 && slot * BarsShareOfGroup >= 4 ? (area, y) : null;
    }

    private void ComposeBars(CanvasLayout layout, CanvasFrame frame, BarChart chart, Rect cell, (Rect Area, AxisLabels Y) measured)
    {
        var body = _bodyText.Face;
        var (area, y) = measured;
        BarsHeader(layout, frame, chart, cell, place: true);
        var background = area.Inset(-1);
        AddInnerPanel(background, cell, Palette.PlotBackground, Palette.PanelBorder, 0, 1);
        var pixelsPerY = (area.Height - 1) / (y.Ticks.Max - y.Ticks.Min);
        int Height(float value) => (int)MathF.Round((value - y.Ticks.Min) * pixelsPerY);

        Span<char> label = stackalloc char[16];
        for (var index = 0; index < y.Count; index++)
        {
            var line = area.Bottom - 1 - Height(y.At(index));
            // A grid line is drawing under the bars, not a box of the layout's: it is not placed among the boxes.
            if (index > 0)
                InnerPanels.Add(PanelPush(new Rect(area.X, line, area.Width, 1), Palette.Grid, Palette.Grid, 0, 0));
            var text = SpanText.Tick(label, y.At(index), y.Ticks.Step);
            var width = _bodyText.Measure(text);
            _bodyText.Add(text, area.X - width - body.CellWidth / 2, line - body.CellHeight / 2, Palette.Dim, width, cell, TextRole.YTick);
        }

        var groups = chart.Groups.Count;
        var first = chart.First.Span;
        var second = chart.Second.Span;
        for (var group = 0; group < groups; group++)
        {
            var slotX = area.X + group * area.Width / groups;
            var slotWidth = (group + 1) * area.Width / groups - group * area.Width / groups;
            var barWidth = Math.Max((int)(slotWidth * BarsShareOfGroup / 2), 1);
            var barsX = slotX + (slotWidth - 2 * barWidth) / 2;
            AddBar(area, background, barsX, barWidth, Height(first[group]), FirstBarColour);
            AddBar(area, background, barsX + barWidth, barWidth, Height(second[group]), SecondBarColour);
            var name = chart.Groups[group];
            var nameWidth = _bodyText.Measure(name);
            _bodyText.Add(name, slotX + (slotWidth - nameWidth) / 2, area.Bottom + layout.Padding / 4, Palette.Dim, nameWidth, cell, TextRole.XTick);
        }
    }

    /// <summary>One bar standing on the area's floor; a value that is not finite, or not above zero, draws none.</summary>
    private void AddBar(Rect area, Rect background, int x, int width, int height, uint colour)
    {
        height = Math.Min(height, area.Height);
        if (height > 0)
            AddInnerPanel(new Rect(x, area.Bottom - height, width, height), background, colour, colour, 0, 0);
    }

    /// <summary>The y axis's top: the tallest bar (a chart of zeros still gets an axis of 0 to 1).</summary>
    private static float BarsTop(BarChart chart)
    {
        var top = 0f;
        foreach (var value in chart.First.Span)
            if (float.IsFinite(value)) top = MathF.Max(top, value);
        foreach (var value in chart.Second.Span)
            if (float.IsFinite(value)) top = MathF.Max(top, value);
        return top > 0 ? top : 1;
    }

    /// <summary>The chart's title, then each model's name beside a swatch of its bars' colour; placed when asked; returns its lines.</summary>
    private int BarsHeader(CanvasLayout layout, CanvasFrame frame, BarChart chart, Rect cell, bool place)
    {
        var flow = new TextFlow(cell, _bodyText.Face.CellWidth, _bodyText.Face.CellHeight);
        var at = flow.Next(_bodyText.Measure(chart.Title));
        if (place)
            _bodyText.Add(chart.Title, at.X, at.Y, Palette.Title, cell.Right - at.X, cell);
        BarLegend(layout, cell, ref flow, frame.Race.RaceNames.First, FirstBarColour, place);
        BarLegend(layout, cell, ref flow, frame.Race.RaceNames.Second, SecondBarColour, place);
        return flow.Lines;
    }

    private void BarLegend(CanvasLayout layout, Rect cell, ref TextFlow flow, string name, uint colour, bool place)
    {
        var body = _bodyText.Face;
        var (swatch, nameWidth) = (body.CellWidth, _bodyText.Measure(name));
        var at = flow.Next(swatch + body.CellWidth / 2 + nameWidth);
        if (!place)
            return;
        var side = Math.Min(swatch, body.CellHeight / 2 + 2);
        AddInnerPanel(new Rect(at.X, at.Y + (body.CellHeight - side) / 2, Math.Min(swatch, cell.Right - at.X), side), cell, colour, colour, 1 * layout.Scale, 0);
        var nameX = at.X + swatch + body.CellWidth / 2;
        _bodyText.Add(name, nameX, at.Y, Palette.Text, Math.Max(cell.Right - nameX, 0), cell);
    }
}
