using System.Numerics;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// What the pointer does to the scene: select a tile (or, in the explorer, a row's layer), drag the selected point's
/// marker on the map, and load a test digit into the selected point. Like the keys, it changes noise only; the maths
/// is <see cref="NoiseSteering"/>'s and the encoder's.
/// </summary>
internal sealed partial class LiveScene
{
    // Where a drag wants the marker (map coordinates), applied once in the next frame: the move is computed from the
    // latent the last frame decoded, so applying several between two frames would overshoot.
    private Vector2? _dragTarget;
    private NoiseGrid? _loadedDigit;

    /// <summary>The test digits' points on the map of the selected layer, as the last frame drew them (index = test digit).</summary>
    public ReadOnlySpan<MapPoint> MapPoints => _mapPoints;

    /// <summary>The selected point's marker on the map as the last frame drew it; null without a map.</summary>
    public Vector2? Marker => Map is null ? null : _marker[0];

    /// <summary>A click on tile <paramref name="tile"/> of the shown grid: selects it; in the explorer, where each row is a layer, selects that row's layer.</summary>
    public void ClickTile(int tile)
    {
        if (View.Mode == GridMode.Explorer)
        {
            SelectLayer(LayerExplorer.LayerOfRow(tile / LayerExplorer.Columns, _sizes.Length) + 1);
            return;
        }
        SelectTileAt(tile);
    }

    /// <summary>Puts the selected point's marker at <paramref name="target"/> on the shown map, from the next frame on.</summary>
    public void DragMarkerTo(Vector2 target)
    {
        if (Map is not null) _dragTarget = target;
    }

    /// <summary>The label of test digit <paramref name="index"/> on the map.</summary>
    public int LabelOf(int index) => Map!.Labels[index];

    /// <summary>
    /// Test digit <paramref name="index"/> (a point of the map) becomes the selected point: its posterior means entered
    /// top-down as every layer's noise. In the walk, the tile's nudge becomes the difference from the path's noise now,
    /// so the tile shows the digit and walks on from it.
    /// </summary>
    public void LoadTestDigit(int index)
    {
        _loadedDigit ??= new NoiseGrid(_sizes, 1);
        _model.EncodeToNoise(_testDigits.AsMemory(index * Pixels, Pixels), 1, _loadedDigit);
        var tile = View.SelectedTile;
        for (var layer = 0; layer < _sizes.Length; layer++)
        {
            var digit = _loadedDigit.Of(layer, 0);
            switch (View.Mode)
            {
                case GridMode.Explorer:
                    digit.CopyTo(_centre.Of(layer, 0));
                    break;
                case GridMode.Walk:
                    Difference(digit, _walk.Of(layer, tile), _walkNudges.Of(layer, tile));
                    break;
                default:
                    Difference(digit, _composed.Of(layer, tile), _composedNudges.Of(layer, tile));
                    break;
            }
        }
        _trail.Clear();
    }

    private static void Difference(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> into)
    {
        for (var i = 0; i < into.Length; i++) into[i] = a[i] - b[i];
    }

    /// <summary>Moves the selected point's noise in the selected layer so that the last decoded marker lands on the drag's target.</summary>
    private void ApplyDrag()
    {
        if (_dragTarget is not { } target || Map is null) return;
        _dragTarget = null;
        var layer = View.SelectedLayer;
        var size = _sizes[layer];
        var tile = View.SelectedTile;
        var (scale, noise) = View.Mode switch
        {
            GridMode.Explorer => (_centreScales[layer].AsMemory(), _centre.Layer(layer).AsMemory(0, size)),
            GridMode.Walk => (_scales[layer].AsMemory(tile * size, size), _walkNudges.Layer(layer).AsMemory(tile * size, size)),
            _ => (_scales[layer].AsMemory(tile * size, size), _composedNudges.Layer(layer).AsMemory(tile * size, size)),
        };
        NoiseSteering.MoveOnMapTo(Map.Layers[layer], SelectedLatent(), target.X, target.Y, scale.Span, noise.Span);
    }
}
