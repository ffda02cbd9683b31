using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// The curves panel: up to four plots with auto-scaled axes, grid lines, tick labels, coloured series names and, in a
/// race, which model is drawn solid and which dashed, after a race's bar charts. Plots are arranged so that each keeps at least three readable
/// tick labels on each axis; when the panel cannot hold them all so, the last ones are left out, and the panel says so.
/// </summary>
internal sealed partial class CanvasComposer
{
    /// <summary>A dashed series' dash and gap, in pixels at scale 1: long enough to read as a line, short enough to read as dashed.</summary>
    private const float DashPixels = 5;

    /// <summary>What an empty curves panel says: better than a blank, and it tells the presenter what to change.</summary>
    private const string NoRoom = "no room for a plot: a smaller --ui-scale makes some";

    /// <summary>The fewest tick labels on each axis of a plot drawn.</summary>
    private const int MinTickLabels = 3;

    /// <summary>The most tick labels on an axis: more crowd a plot without telling more.</summary>
    private const int MaxTickLabels = 6;

    /// <summary>Strides between labelled ticks to try: every tick, then every other (the grid keeps the lines between).</summary>
    private const int MaxStride = 2;

    /// <summary>Where one plot's parts go in its cell (below its header): the plot's area and its axes' labelled ticks.</summary>
    private readonly record struct PlotFrame(Rect Area, AxisLabels Y, AxisLabels X);

    /// <summary>An axis's ticks (a grid line each) and which carry a label: <see cref="Count"/> of them, every <see cref="Stride"/>th from the first.</summary>
    private readonly record struct AxisLabels(NiceTicks Ticks, int Stride, int Count)
    {
        public float At(int label) => Ticks.At(label * Stride);
    }

    private void ComposeCurves(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var charts = frame.Plots.Count + frame.Bars.Count;
        var start = upload.Position;
        var content = layout.PanelContent(layout.Curves, _titleText.Face);
        var (shown, columns) = ArrangePlots(layout, frame, content);
        Span<char> note = stackalloc char[32];
        var length = shown < charts ? SpanText.Number(note, shown, "0", " of ").Length : 0;
        if (shown < charts)
            length += SpanText.Number(note[length..], charts, "0", " plots").Length;
        AddPanel(layout, layout.Curves, "Training", note[..length]);
        if (shown == 0 && charts > 0)
            _bodyText.Add(NoRoom, content.X, content.Y, Palette.Dim, content.Width, layout.Curves);
        for (var index = 0; index < shown; index++)
        {
            var cell = PlotCell(layout, content, index, shown, columns);
            Boxes.Area(cell, BoxKind.Region, layout.Curves);
            if (index < frame.Bars.Count)
            {
                if (MeasureBars(layout, frame, frame.Bars[index], cell) is { } barsFrame)
                    ComposeBars(layout, frame, frame.Bars[index], cell, barsFrame);
            }
            else if (MeasurePlot(layout, frame, frame.Plots[index - frame.Bars.Count], cell) is { } plotFrame)
            {
                ComposePlot(layout, frame, frame.Plots[index - frame.Bars.Count], cell, plotFrame, upload);
            }
        }
        CurveWords = (start, (int)(upload.Position - start));
    }

    /// <summary>
    /// How many charts (a race's bar charts, then the plots) to show, and in how many columns: the most charts that all keep
    /// their ticks readable, and among the arrangements of that many, the one whose smallest chart area is largest.
    /// </summary>
    private (int Shown, int Columns) ArrangePlots(CanvasLayout layout, CanvasFrame frame, Rect content)
    {
        for (var shown = frame.Plots.Count + frame.Bars.Count; shown > 0; shown--)
        {
            var (best, bestArea) = (0, 0);
            for (var columns = 1; columns <= shown; columns++)
            {
                var smallest = int.MaxValue;
                for (var index = 0; index < shown && smallest > 0; index++)
                {
                    var area = ChartArea(layout, frame, index, PlotCell(layout, content, index, shown, columns));
                    smallest = Math.Min(smallest, area is { } rect ? rect.Width * rect.Height : 0);
                }
                if (smallest > bestArea)
                    (best, bestArea) = (columns, smallest);
            }
            if (best > 0)
                return (shown, best);
        }
        return (0, 1);
    }

    /// <summary>
    /// Chart <paramref name="index"/>'s area in <paramref name="cell"/>, or null where it does not fit. A race's bar
    /// charts come first: where the panel cannot hold every chart, the contrast they show stays and the curves give way
    /// (the HUD still gives each model's test ELBO).
    /// </summary>
    private Rect? ChartArea(CanvasLayout layout, CanvasFrame frame, int index, Rect cell) => index < frame.Bars.Count
        ? MeasureBars(layout, frame, frame.Bars[index], cell)?.Area
        : MeasurePlot(layout, frame, frame.Plots[index - frame.Bars.Count], cell)?.Area;

    private static Rect PlotCell(CanvasLayout layout, Rect content, int index, int count, int columns)
    {
        var rows = (count + columns - 1) / columns;
        var width = (content.Width - (columns - 1) * layout.Gap) / columns;
        var height = (content.Height - (rows - 1) * layout.Gap) / rows;
        return new Rect(content.X + index % columns * (width + layout.Gap), content.Y + index / columns * (height + layout.Gap), width, height);
    }

    /// <summary>The plot's parts in <paramref name="cell"/>, or null when the cell cannot hold its header and three readable ticks per axis.</summary>
    private PlotFrame? MeasurePlot(CanvasLayout layout, CanvasFrame frame, CurvePlot plot, Rect cell)
    {
        var body = _bodyText.Face;
        var headerLines = PlotHeader(layout, frame, plot, cell, place: false);
        // Tick labels stand centred on their ticks: the y axis's top and bottom labels reach half a line past the area.
        var top = cell.Y + headerLines * body.CellHeight + body.CellHeight / 2;
        var bottom = cell.Bottom - body.CellHeight - layout.Padding / 4;
        var (low, high, samples) = FiniteRange(plot);
        if (bottom - top < 2 * body.CellHeight || YLabels(low, high, bottom - top) is not { } y)
            return null;
        var area = AreaBesideYLabels(cell, top, bottom, y);
        var lastX = Math.Max(samples - 1, 1) * plot.StepsPerSample;
        return area.Width >= 8 && XLabels(area, lastX) is { } x ? new PlotFrame(area, y, x) : null;
    }

    /// <summary>A chart's area from <paramref name="top"/> to <paramref name="bottom"/>, right of its widest y label.</summary>
    private Rect AreaBesideYLabels(Rect cell, int top, int bottom, AxisLabels y)
    {
        Span<char> label = stackalloc char[16];
        var labelWidth = 0;
        for (var index = 0; index < y.Count; index++)
            labelWidth = Math.Max(labelWidth, _bodyText.Measure(SpanText.Tick(label, y.At(index), y.Ticks.Step)));
        var left = cell.X + labelWidth + _bodyText.Face.CellWidth / 2;
        return new Rect(left, top, cell.Right - _bodyText.Face.CellWidth / 2 - left, bottom - top);
    }

    /// <summary>The y labels, most first (up to <see cref="MaxTickLabels"/>), that stand at least a line apart; null when fewer than <see cref="MinTickLabels"/> do.</summary>
    private AxisLabels? YLabels(float low, float high, int height)
    {
        for (var asked = MaxTickLabels; asked >= 2; asked--)
            for (var stride = 1; stride <= MaxStride; stride++)
            {
                var ticks = NiceTicks.For(low, high, asked);
                var count = (ticks.Count - 1) / stride + 1;
                if (count is >= MinTickLabels and <= MaxTickLabels + 1 && (height - 1) / (ticks.Max - ticks.Min) * ticks.Step * stride >= _bodyText.Face.CellHeight)
                    return new AxisLabels(ticks, stride, count);
            }
        return null;
    }

    /// <summary>The x labels, most first, inside the area and a character apart; null when fewer than <see cref="MinTickLabels"/> fit so.</summary>
    private AxisLabels? XLabels(Rect area, float lastX)
    {
        Span<char> label = stackalloc char[16];
        for (var asked = MaxTickLabels; asked >= 2; asked--)
            for (var stride = 1; stride <= MaxStride; stride++)
            {
                var ticks = NiceTicks.For(0, lastX, asked);
                var (count, end, apart) = (0, int.MinValue, true);
                for (var tick = 0; apart && tick < ticks.Count && ticks.At(tick) <= lastX * (1 + 1e-5f); tick += stride)
                {
                    var (x, width) = XLabel(area, ticks, tick, lastX, label);
                    apart = x >= end + _bodyText.Face.CellWidth;
                    (count, end) = (count + 1, x + width);
                }
                if (apart && count is >= MinTickLabels and <= MaxTickLabels + 1)
                    return new AxisLabels(ticks, stride, count);
            }
        return null;
    }

    /// <summary>Where x tick <paramref name="tick"/>'s label goes: centred on its tick, but inside the area.</summary>
    private (int X, int Width) XLabel(Rect area, NiceTicks ticks, int tick, float lastX, Span<char> label)
    {
        var width = _bodyText.Measure(SpanText.Tick(label, ticks.At(tick), ticks.Step));
        var px = area.X + (int)MathF.Round(ticks.At(tick) * (area.Width - 1) / lastX);
        return (Math.Max(Math.Min(px - width / 2, area.Right - width), area.X), width);
    }

    private void ComposePlot(CanvasLayout layout, CanvasFrame frame, CurvePlot plot, Rect cell, PlotFrame plotFrame, FrameUpload upload)
    {
        var body = _bodyText.Face;
        var (area, y, x) = (plotFrame.Area, plotFrame.Y, plotFrame.X);
        var (yTicks, xTicks) = (y.Ticks, x.Ticks);
        PlotHeader(layout, frame, plot, cell, place: true);
        AddInnerPanel(area.Inset(-1), cell, Palette.PlotBackground, Palette.PanelBorder, 0, 1);
        var lastX = Math.Max(FiniteRange(plot).Samples - 1, 1) * plot.StepsPerSample;
        var pixelsPerY = (area.Height - 1) / (yTicks.Max - yTicks.Min);
        var pixelsPerX = (area.Width - 1) / lastX;

        Span<char> label = stackalloc char[16];
        for (var index = 0; index < y.Count; index++)
        {
            var top = area.Y + (int)MathF.Round((yTicks.Max - y.At(index)) * pixelsPerY);
            var text = SpanText.Tick(label, y.At(index), yTicks.Step);
            var width = _bodyText.Measure(text);
            _bodyText.Add(text, area.X - width - body.CellWidth / 2, top - body.CellHeight / 2, Palette.Dim, width, cell, TextRole.YTick);
        }
        for (var index = 0; index < x.Count; index++)
        {
            var (left, width) = XLabel(area, xTicks, index * x.Stride, lastX, label);
            _bodyText.Add(SpanText.Tick(label, x.At(index), xTicks.Step), left, area.Bottom + layout.Padding / 4, Palette.Dim, width, cell, TextRole.XTick);
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
    /// The plot's header, flowed into lines across its cell: its name, each series' name in its line colour and, in a
    /// race, each model's name beside a sample of its line (the first solid, the second dashed). Places it when asked;
    /// returns how many lines it takes.
    /// </summary>
    private int PlotHeader(CanvasLayout layout, CanvasFrame frame, CurvePlot plot, Rect cell, bool place)
    {
        var body = _bodyText.Face;
        var flow = new TextFlow(cell, body.CellWidth, body.CellHeight);
        var at = flow.Next(_bodyText.Measure(plot.Title));
        if (place)
            _bodyText.Add(plot.Title, at.X, at.Y, Palette.Title, cell.Right - at.X, cell);
        for (var s = 0; s < plot.Series.Count; s++)
        {
            var name = plot.Series[s].Name;
            if (name.Length == 0)
                continue;
            at = flow.Next(_bodyText.Measure(name));
            if (place)
                _bodyText.Add(name, at.X, at.Y, ColourOf(plot.Series[s], s), cell.Right - at.X, cell);
        }
        if (!frame.IsRace)
            return flow.Lines;
        ModelLegend(layout, cell, ref flow, frame.Race.RaceNames.First, dashed: false, place);
        ModelLegend(layout, cell, ref flow, frame.Race.RaceNames.Second, dashed: true, place);
        return flow.Lines;
    }

    /// <summary>A race model's name and a sample of its line (solid or dashed as the shader dashes series), placed when asked.</summary>
    private void ModelLegend(CanvasLayout layout, Rect cell, ref TextFlow flow, string name, bool dashed, bool place)
    {
        var body = _bodyText.Face;
        var (nameWidth, sample) = (_bodyText.Measure(name), 2 * body.CellWidth);
        var at = flow.Next(nameWidth + body.CellWidth / 2 + sample);
        if (!place)
            return;
        _bodyText.Add(name, at.X, at.Y, Palette.Text, cell.Right - at.X, cell);
        var slot = new Rect(at.X + nameWidth + body.CellWidth / 2, at.Y, Math.Min(sample, cell.Right - at.X - nameWidth - body.CellWidth / 2), body.CellHeight);
        var thickness = Math.Max((int)MathF.Round(1.6f * layout.Scale), 1);
        var dash = dashed ? Math.Max((int)MathF.Round(DashPixels * layout.Scale), 2) : slot.Width;
        for (var x = slot.X; x < slot.Right; x += 2 * dash)
            AddInnerPanel(new Rect(x, slot.Y + (slot.Height - thickness) / 2, Math.Min(dash, slot.Right - x), thickness), cell, Palette.Text, Palette.Text, 0, 0);
    }

    /// <summary>The range of the plot's finite values and its longest series' length.</summary>
    private static (float Low, float High, int Samples) FiniteRange(CurvePlot plot)
    {
        var (low, high, samples) = (float.PositiveInfinity, float.NegativeInfinity, 0);
        // Indexed: the composer measures each plot several times a frame, and an interface's enumerator is allocated.
        for (var index = 0; index < plot.Series.Count; index++)
        {
            var series = plot.Series[index];
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

    private static uint ColourOf(CurveSeries series, int index) => Palette.Series[(series.Colour >= 0 ? series.Colour : index) % Palette.Series.Length];

    /// <summary>The series table (offset, count, colour and dash per series) followed by the samples; returns the table's offset.</summary>
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
