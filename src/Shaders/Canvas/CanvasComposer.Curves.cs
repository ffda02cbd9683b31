using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>The curves panel: up to four plots with auto-scaled axes, grid lines, tick labels and coloured series names.</summary>
internal sealed partial class CanvasComposer
{
    /// <summary>A dashed series' dash and gap, in pixels at scale 1: long enough to read as a line, short enough to read as dashed.</summary>
    private const float DashPixels = 5;

    private void ComposeCurves(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var content = AddPanel(layout, layout.Curves, "Training curves", default);
        var count = frame.Plots.Count;
        if (count == 0)
            return;
        var columns = count >= 3 ? 2 : 1;
        var rows = (count + columns - 1) / columns;
        var cellWidth = (content.Width - (columns - 1) * layout.Gap) / columns;
        var cellHeight = (content.Height - (rows - 1) * layout.Gap) / rows;
        for (var index = 0; index < count; index++)
        {
            var cell = new Rect(content.X + index % columns * (cellWidth + layout.Gap), content.Y + index / columns * (cellHeight + layout.Gap), cellWidth, cellHeight);
            Boxes.Area(cell, BoxKind.Region, layout.Curves);
            ComposePlot(layout, frame.Plots[index], cell, upload);
        }
    }

    private void ComposePlot(CanvasLayout layout, CurvePlot plot, Rect cell, FrameUpload upload)
    {
        var body = _bodyText.Face;
        var legendTop = ComposePlotTitle(plot, cell);

        const int LabelCharacters = 7;
        var top = legendTop + body.CellHeight + layout.Padding / 2;
        var area = new Rect(cell.X + LabelCharacters * body.CellWidth, top,
            cell.Width - LabelCharacters * body.CellWidth - body.CellWidth, cell.Bottom - body.CellHeight - top);
        if (area.Width < 8 || area.Height < 8)
            return;
        AddInnerPanel(area.Inset(-1), cell, Palette.PlotBackground, Palette.PanelBorder, 0, 1);

        var (low, high, samples) = FiniteRange(plot);
        var yTicks = NiceTicks.For(low, high, Math.Clamp(area.Height / (3 * body.CellHeight), 2, 6));
        var xTicks = NiceTicks.For(0, Math.Max(samples - 1, 1) * plot.StepsPerSample, Math.Clamp(area.Width / (10 * body.CellWidth), 2, 6));
        var pixelsPerY = (area.Height - 1) / (yTicks.Max - yTicks.Min);
        var pixelsPerX = (area.Width - 1) / (Math.Max(samples - 1, 1) * plot.StepsPerSample);

        Span<char> label = stackalloc char[16];
        for (var tick = 0; tick < yTicks.Count; tick++)
        {
            var y = area.Y + (int)MathF.Round((yTicks.Max - yTicks.At(tick)) * pixelsPerY);
            var text = SpanText.Tick(label, yTicks.At(tick), yTicks.Step);
            var width = _bodyText.Width(text.Length);
            _bodyText.Add(text, area.X - width - body.CellWidth / 2, y - body.CellHeight / 2, Palette.Dim, width, cell, TextRole.YTick);
        }
        // A label that would touch the one before it is left out (its grid line stays): in a narrow plot, the ticks
        // the count asks for can be closer than their labels are wide.
        var labelsEnd = int.MinValue;
        for (var tick = 0; tick < xTicks.Count && xTicks.At(tick) <= (samples - 1) * plot.StepsPerSample + 1e-3f; tick++)
        {
            var px = area.X + (int)MathF.Round(xTicks.At(tick) * pixelsPerX);
            var text = SpanText.Tick(label, xTicks.At(tick), xTicks.Step);
            var width = _bodyText.Width(text.Length);
            var x = Math.Min(px - width / 2, area.Right - width);
            if (x < labelsEnd + body.CellWidth) continue;
            _bodyText.Add(text, x, area.Bottom + layout.Padding / 4, Palette.Dim, width, cell, TextRole.XTick);
            labelsEnd = x + width;
        }

        Plots.Add(new CurvesPush
        {
            Origin = new Int2(area.X, area.Y),
            Size = new Int2(area.Width, area.Height),
            SeriesOffset = WriteSeries(plot, upload, layout.Scale),
            SeriesCount = plot.Series.Count,
            YMin = yTicks.Min,
            YMax = yTicks.Max,
            LineWidth = 1.6f * layout.Scale,
            GridColour = Palette.Grid,
            XTickStart = 0,
            XTickStep = xTicks.Step * pixelsPerX,
            YTickStart = 0,
            YTickStep = yTicks.Step * pixelsPerY,
        });
    }

    /// <summary>
    /// The plot's name, then each series' name in its line colour: on the title line when they fit, otherwise on a line
    /// of their own below it. Returns the top of the last line used.
    /// </summary>
    private int ComposePlotTitle(CurvePlot plot, Rect cell)
    {
        var body = _bodyText.Face;
        var legendCharacters = 0;
        foreach (var series in plot.Series)
            legendCharacters += series.Name.Length == 0 ? 0 : 1 + series.Name.Length;
        var titleWidth = _bodyText.Add(plot.Title, cell.X, cell.Y, Palette.Title, cell.Width, cell);
        var wraps = titleWidth + _bodyText.Width(legendCharacters) > cell.Width;
        var (x, y) = wraps ? (cell.X - body.CellWidth, cell.Y + body.CellHeight) : (cell.X + titleWidth, cell.Y);
        for (var s = 0; s < plot.Series.Count; s++)
        {
            if (plot.Series[s].Name.Length > 0)
                x += body.CellWidth + _bodyText.Add(plot.Series[s].Name, x + body.CellWidth, y, ColourOf(plot.Series[s], s), cell.Right - x - body.CellWidth, cell);
        }
        return y;
    }

    /// <summary>The range of the plot's finite values and its longest series' length.</summary>
    private static (float Low, float High, int Samples) FiniteRange(CurvePlot plot)
    {
        var (low, high, samples) = (float.PositiveInfinity, float.NegativeInfinity, 0);
        foreach (var series in plot.Series)
        {
            samples = Math.Max(samples, series.Values.Length);
            foreach (var value in series.Values.Span)
            {
                if (!float.IsFinite(value))
                    continue;
                low = MathF.Min(low, value);
                high = MathF.Max(high, value);
            }
        }
        return low <= high ? (low, high, samples) : (0, 1, samples);
    }

    /// <summary>The series table (offset, count, colour and dash per series) followed by the samples; returns the table's offset.</summary>
    private static uint ColourOf(CurveSeries series, int index) => Palette.Series[(series.Colour >= 0 ? series.Colour : index) % Palette.Series.Length];

    private static uint WriteSeries(CurvePlot plot, FrameUpload upload, float scale)
    {
        var table = upload.Reserve(plot.Series.Count * CurvesPipeline.WordsPerSeries);
        for (var s = 0; s < plot.Series.Count; s++)
        {
            var values = plot.Series[s].Values.Span;
            var offset = upload.Floats(values);
            var entry = upload.WordsAt(table + (uint)(s * CurvesPipeline.WordsPerSeries), CurvesPipeline.WordsPerSeries);
            entry[0] = offset;
            entry[1] = (uint)values.Length;
            entry[2] = ColourOf(plot.Series[s], s);
            entry[3] = plot.Series[s].Dashed ? (uint)Math.Max(MathF.Round(DashPixels * scale), 2) : 0;
        }
        return table;
    }
}
