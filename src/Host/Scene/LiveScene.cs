using System.Numerics;
using LvaeLive.Host.Loop;
using LvaeLive.Model.Live;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Scene;

/// <summary>
/// The adapter from the model room's <see cref="LatentScene"/> to the canvas: each frame it asks the scene for what
/// to draw (one call) and copies it into the frame's scene part, with the map's test digits as points of the shown
/// layer. It does no latent maths and knows no modes.
/// </summary>
internal sealed class LiveScene(LatentScene latent)
{
    private readonly Vector2[] _marker = new Vector2[1];
    // Each layer's map title, made once: the frame asks for one every frame, and formatting it would allocate.
    private readonly string[] _mapTitles = Enumerable.Range(1, latent.Depth).Select(layer => $"Layer {layer} of {latent.Depth}: PC1 x PC2").ToArray();
    private MapPoint[] _mapPoints = [];
    private (LatentMap? Map, int Layer) _mapPointsFor;

    public LatentScene Latent { get; } = latent;

    /// <summary>The test digits' points on the map of the selected layer, as the last frame drew them (index = test digit).</summary>
    public ReadOnlySpan<MapPoint> MapPoints => _mapPoints;

    /// <summary>The selected point's marker on the map as the last frame drew it; null without a map.</summary>
    public Vector2? Marker => Latent.Frame.Marker;

    /// <summary>Advances the scene to the frame at <paramref name="time"/> and writes what it shows into <paramref name="part"/>.</summary>
    public void Update(FrameTime time, ScenePart part)
    {
        var shown = Latent.Update(time.Now, time.Seconds);
        part.Digits = shown.Digits;
        part.DigitColumns = shown.Columns;
        part.HighlightDigit = shown.Highlight;
        part.DigitsTitle = shown.Title;
        part.DigitRowLabels = shown.Labels.Rows;
        part.DigitColumnLabels = shown.Labels.Columns;
        part.DigitRowHeads = shown.RowHeads;
        part.DigitColumnHeads = shown.ColumnHeads;
        part.DigitEnds = (shown.Labels.First, shown.Labels.Last);
        part.ReconstructionInputs = shown.ReconstructionInputs;
        part.Reconstructions = shown.Reconstructions;
        part.MapTitle = _mapTitles[shown.MapLayer];
        part.MapPoints = PointsOf(Latent.Map, shown.MapLayer);
        part.MapTrail = shown.Trail;
        if (shown.Marker is { } marker) _marker[0] = marker;
        part.MapMarkers = shown.Marker is null ? ReadOnlyMemory<Vector2>.Empty : _marker;
    }

    /// <summary>The map's test digits on <paramref name="layer"/>, with their classes; made again only when the map or layer changes.</summary>
    private ReadOnlyMemory<MapPoint> PointsOf(LatentMap? map, int layer)
    {
        if (map is null) return ReadOnlyMemory<MapPoint>.Empty;
        if (_mapPointsFor == (map, layer)) return _mapPoints;
        var points = map.Layers[layer].Points;
        _mapPoints = new MapPoint[map.Labels.Length];
        for (var i = 0; i < _mapPoints.Length; i++) _mapPoints[i] = new MapPoint(points[2 * i], points[2 * i + 1], map.Labels[i]);
        _mapPointsFor = (map, layer);
        return _mapPoints;
    }
}
