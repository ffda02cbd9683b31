using System.Numerics;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>The latent map: splatted points coloured by class, the legend, the trail and the current-latent markers.</summary>
internal sealed partial class CanvasComposer
{
    /// <summary>Opacity per unit of splat weight: a lone point (weight 4 at its centre) shows at about 55%, dense areas saturate.</summary>
    private const float SplatDensity = 0.2f;

    /// <summary>Upload words of the trail and the markers of both maps in a race, at most.</summary>
    public const int MovingWords = (CanvasLimits.MaxTrail + 2 * CanvasLimits.MaxMarkers) * 2;

    private void ComposeMap(CanvasLayout layout, CanvasFrame frame, FrameUpload upload)
    {
        var points = frame.Scene.MapPoints.Span;
        var rivalPoints = frame.Race.RivalMapPoints.Span;
        Span<char> note = stackalloc char[24];
        var content = AddPanel(layout, layout.Map, frame.Scene.MapTitle, SpanText.Number(note, points.Length + rivalPoints.Length, "0", " points"));
        var body = _bodyText.Face;
        var invalid = Undrawable(points) + Undrawable(rivalPoints);
        var legend = LegendGrid(content.Width, invalid);
        var legendHeight = (int)(body.CellHeight * (0.6f + legend.Rows));
        // The plot fills the panel above its legend: the projection scales each axis to the data's spread anyway.
        var plot = new Rect(content.X, content.Y, content.Width, content.Height - legendHeight);
        var (width, height) = (plot.Width, plot.Height);
        if (width < 8 || height < 8)
            return;
        // A race splats both maps in one pass: each model's points fitted to its half of the plot, the first's at the
        // plot's origin (where the trail and the pointer are), the second's shifted into the other half.
        var (first, second) = frame.IsRace ? CanvasLayout.Halves(plot, layout.Gap) : (plot, default);
        var projection = MapProjection.Fit(points, frame.Scene.MapMarkers.Span, first.Width, first.Height);
        var rivalProjection = MapProjection.Fit(rivalPoints, frame.Race.RivalMapMarkers.Span, second.Width, second.Height);
        var shift = new Vector2(second.X - plot.X, second.Y - plot.Y);
        AddInnerPanel(first, layout.Map, Palette.PlotBackground, Palette.PanelBorder, 0, 1);
        if (frame.IsRace)
        {
            AddInnerPanel(second, layout.Map, Palette.PlotBackground, Palette.PanelBorder, 0, 1);
            var inset = layout.Padding / 2;
            _bodyText.Add(frame.Race.RaceNames.First, first.X + inset, first.Y + inset, Palette.Dim, first.Width - 2 * inset, first);
            _bodyText.Add(frame.Race.RaceNames.Second, second.X + inset, second.Y + inset, Palette.Dim, second.Width - 2 * inset, second);
        }
        _mapPlacement = new MapPlacement(first, projection);
        var pointOffset = upload.Reserve((points.Length + rivalPoints.Length) * 3);
        WritePoints(upload.WordsAt(pointOffset, points.Length * 3), points, projection, Vector2.Zero);
        WritePoints(upload.WordsAt(pointOffset + (uint)(points.Length * 3), rivalPoints.Length * 3), rivalPoints, rivalProjection, shift);
        SplatSize = new Int2(width, height);
        var movingStart = upload.Position;
        SplatPass = new SplatPush
        {
            Size = new Int2(width, height),
            PointOffset = pointOffset,
            PointCount = points.Length + rivalPoints.Length,
            PaletteOffset = upload.Words32(Palette.Classes),
            PaletteCount = Palette.Classes.Length,
            InvalidColour = Palette.Invalid,
        };
        TrailPass = new TrailPush
        {
            Size = new Int2(width, height),
            PointOffset = WritePixels(upload, frame.Scene.MapTrail.Span, projection, Vector2.Zero, out var trailCount),
            PointCount = trailCount,
            Width = 2f * layout.Scale,
            CoverageOffset = TrailPipeline.CoverageOffset(width * height),
        };
        ResolvePass = new ResolvePush
        {
            Origin = new Int2(plot.X, plot.Y),
            Size = new Int2(width, height),
            Density = SplatDensity,
            CoverageOffset = TrailPipeline.CoverageOffset(width * height),
            TrailColour = Palette.Trail,
        };
        MarkersPass = new MarkersPush
        {
            Origin = new Int2(plot.X, plot.Y),
            Size = new Int2(width, height),
            PointOffset = WriteMarkers(upload, frame, projection, rivalProjection, shift, out var markerCount),
            PointCount = markerCount,
            Radius = 6f * layout.Scale,
            FillColour = Palette.Marker,
            RingColour = Palette.MarkerRing,
        };
        // The trail and markers move every frame and their counts vary: a fixed room for them keeps the words written
        // after them (the curves') where they were, so that the still layer's key holds while only these move.
        upload.Reserve((int)(movingStart + MovingWords - upload.Position));
        ComposeLegend(layout, layout.Map, new Rect(plot.X, plot.Bottom, plot.Width, legendHeight), legend.PerRow, invalid);
    }

    /// <summary>
    /// How many legend entries a row holds and how many rows they take: one swatch and digit per class, then four
    /// entries' room for the count of points that cannot be drawn; in one row unless the map is too narrow for it.
    /// </summary>
    private (int PerRow, int Rows) LegendGrid(int width, int invalid)
    {
        var body = _bodyText.Face;
        var entries = Palette.Classes.Length + (invalid > 0 ? 4 : 0);
        var narrowest = body.CellHeight * 2 / 3 + body.CellWidth + body.CellWidth;
        var perRow = Math.Clamp(width / Math.Max(narrowest, 1), 1, entries);
        return (perRow, (entries + perRow - 1) / perRow);
    }

    /// <summary>The legend's entries row by row across the plot's width, then the count of points that cannot be drawn.</summary>
    private void ComposeLegend(CanvasLayout layout, Rect panel, Rect strip, int perRow, int invalid)
    {
        var body = _bodyText.Face;
        var entry = strip.Width / perRow;
        // Swatch, a third of a character, the digit and a third before the next: the swatch gives way in a narrow map.
        var space = body.CellWidth / 3;
        var swatch = Math.Min(body.CellHeight * 2 / 3, entry - body.CellWidth - 2 * space);
        var top = strip.Y + (int)(body.CellHeight * 0.6f);
        Span<char> label = stackalloc char[24];
        for (var digit = 0; digit < Palette.Classes.Length; digit++)
        {
            var (x, textY) = (strip.X + digit % perRow * entry, top + digit / perRow * body.CellHeight);
            var swatchRect = new Rect(x, textY + (body.CellHeight - swatch) / 2, Math.Max(swatch, 0), Math.Max(swatch, 0));
            if (swatch >= 4)
                AddInnerPanel(swatchRect, panel, Palette.Classes[digit], Palette.Classes[digit], 2 * layout.Scale, 0);
            _bodyText.Add(SpanText.Number(label, digit, "0"), swatchRect.Right + space, textY, Palette.Text, entry - swatchRect.Width - 2 * space, panel);
        }
        if (invalid > 0)
        {
            var slot = Palette.Classes.Length;
            var (x, textY) = (strip.X + slot % perRow * entry, top + slot / perRow * body.CellHeight);
            _bodyText.Add(SpanText.Number(label, invalid, "0", " invalid"), x, textY, Palette.Invalid, strip.Right - x, panel);
        }
    }

    /// <summary>How many points cannot be drawn: a coordinate that is not finite, or a label outside 0..9 (the splat shows them magenta).</summary>
    private static int Undrawable(ReadOnlySpan<MapPoint> points)
    {
        var count = 0;
        foreach (var point in points)
            count += !float.IsFinite(point.X) || !float.IsFinite(point.Y) || point.Label is < 0 or > 9 ? 1 : 0;
        return count;
    }

    /// <summary>Writes (x, y, label) per point in plot pixels, moved by <paramref name="shift"/>.</summary>
    private static void WritePoints(Span<uint> words, ReadOnlySpan<MapPoint> points, MapProjection projection, Vector2 shift)
    {
        for (var index = 0; index < points.Length; index++)
        {
            var point = points[index];
            var pixel = projection.ToPixels(new Vector2(point.X, point.Y)) + shift;
            words[3 * index] = BitConverter.SingleToUInt32Bits(pixel.X);
            words[3 * index + 1] = BitConverter.SingleToUInt32Bits(pixel.Y);
            words[3 * index + 2] = (uint)point.Label;
        }
    }

    /// <summary>The markers of the map, and in a race those of the second model's map after them; returns their offset.</summary>
    private static uint WriteMarkers(FrameUpload upload, CanvasFrame frame, MapProjection projection, MapProjection rivalProjection, Vector2 shift, out int count)
    {
        var offset = WritePixels(upload, frame.Scene.MapMarkers.Span, projection, Vector2.Zero, out count);
        WritePixels(upload, frame.Race.RivalMapMarkers.Span, rivalProjection, shift, out var rivalCount);
        // Reserved just after the first model's markers; its skipped (non-finite) ones leave a gap to close.
        var words = upload.WordsAt(offset, 2 * (frame.Scene.MapMarkers.Length + rivalCount));
        words.Slice(2 * frame.Scene.MapMarkers.Length, 2 * rivalCount).CopyTo(words.Slice(2 * count));
        count += rivalCount;
        return offset;
    }

    /// <summary>Writes the finite positions (x, y) in plot pixels moved by <paramref name="shift"/>, skipping non-finite ones; returns their offset.</summary>
    private static uint WritePixels(FrameUpload upload, ReadOnlySpan<Vector2> positions, MapProjection projection, Vector2 shift, out int count)
    {
        var offset = upload.Reserve(positions.Length * 2);
        var words = upload.WordsAt(offset, positions.Length * 2);
        count = 0;
        foreach (var position in positions)
        {
            var pixel = projection.ToPixels(position) + shift;
            if (!float.IsFinite(pixel.X) || !float.IsFinite(pixel.Y))
                continue;
            words[2 * count] = BitConverter.SingleToUInt32Bits(pixel.X);
            words[2 * count + 1] = BitConverter.SingleToUInt32Bits(pixel.Y);
            count++;
        }
        return offset;
    }
}
