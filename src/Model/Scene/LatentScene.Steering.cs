using System.Numerics;
using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// Steering the selected point: nudges along the map's axes, a drag of its marker, a click on a tile, a test digit
/// loaded into it. Every change is made to the composer's steered noise, so the layers below follow through their priors,
/// and a point that was steered or loaded is held there.
/// </summary>
public sealed partial class LatentScene
{
    // Where a drag wants the marker (map coordinates), applied once in the next frame: the move is computed from the
    // latent the last frame decoded, so applying several between two frames would overshoot.
    private Vector2? _dragTarget;
    private NoiseGrid? _loadedDigit;

    /// <summary>Moves the selected point's latent in the selected layer along a map axis (0: x, 1: y) by one nudge; false without a map.</summary>
    public bool Nudge(int axis, int direction)
    {
        if (Map is null) return false;
        var map = Map.Layers[SelectedLayer];
        NoiseSteering.MoveAlongMapAxis(map, axis, direction * NoiseSteering.NudgeLength(map, axis),
            _composer.SelectedScale(SelectedLayer), _composer.Steered(SelectedLayer));
        HoldSelected();
        return true;
    }

    /// <summary>A click on tile <paramref name="tile"/> of the shown grid: selects it; in the explorer, where each row is a layer, selects that row's layer.</summary>
    public void ClickTile(int tile)
    {
        if (_composer.LayerOfTile(tile) is { } layer) SelectLayer(layer + 1);
        else SelectTileAt(tile);
    }

    /// <summary>Puts the selected point's marker at <paramref name="target"/> on the shown map, from the next frame on.</summary>
    public void DragMarkerTo(Vector2 target)
    {
        if (Map is not null) _dragTarget = target;
    }

    /// <summary>The class of test digit <paramref name="index"/>.</summary>
    public int LabelOf(int index) => _scene.TestLabels[index];

    /// <summary>
    /// Test digit <paramref name="index"/> (a point of the map) becomes the selected point: its posterior means entered
    /// top-down as every layer's noise. In the walk the tile shows the digit and walks on from it.
    /// </summary>
    public void LoadTestDigit(int index)
    {
        _loadedDigit ??= new NoiseGrid(Sizes, 1);
        _scene.EncodeTestDigits(index, 1, _loadedDigit);
        for (var layer = 0; layer < Depth; layer++) _composer.SetSelected(layer, _loadedDigit.Of(layer, 0));
        HoldSelected();
        _trail.Clear();
    }

    /// <summary>Moves the selected point's noise in the selected layer so that the last decoded marker lands on the drag's target.</summary>
    private void ApplyDrag()
    {
        if (_dragTarget is not { } target || Map is null) return;
        _dragTarget = null;
        NoiseSteering.MoveOnMapTo(Map.Layers[SelectedLayer], SelectedLatent(), target.X, target.Y,
            _composer.SelectedScale(SelectedLayer), _composer.Steered(SelectedLayer));
        HoldSelected();
    }
}
