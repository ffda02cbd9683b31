using System.Numerics;
using LvaeLive.Host.Window;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Scene;

/// <summary>What a pointer event changed, for the session to log and show.</summary>
/// <param name="StateChanged">The view's state changed: log it now.</param>
/// <param name="MarkerMoved">A drag ended or a digit was loaded: log the state once the next frame has drawn the marker where it went.</param>
/// <param name="Notice">A line for the HUD (what is under the pointer, what was loaded).</param>
internal readonly record struct PointerOutcome(bool StateChanged = false, bool MarkerMoved = false, string? Notice = null);

/// <summary>
/// Turns pointer events into the scene's operations, hit-testing them against where the last frame drew the grid and
/// the map (<see cref="CanvasPlacement"/>): a click on a tile selects it; a press on the map that moves drags the
/// selected point's marker, which follows the pointer; a click on a test point loads that digit; hovering a test point
/// names it; the wheel changes the animation's speed. A drag keeps the map's transform from its press: the map refits
/// its range to include the marker, and a pointer held at the edge would otherwise push it out without end.
/// </summary>
internal sealed class PointerControl(LiveScene scene)
{
    /// <summary>A press that moves this far (pixels at UI scale 1) is a drag, not a click.</summary>
    private const float DragDistance = 4;
    /// <summary>A test point within this distance of the pointer (pixels at UI scale 1) is under it.</summary>
    private const float PickRadius = 6;

    private (Vector2 At, MapPlacement Map, float Scale)? _mapPress;
    private bool _dragging;
    private int _hovered = -1;

    public PointerOutcome Apply(PointerEvent pointer, CanvasPlacement placement)
    {
        var at = new Vector2((float)pointer.X, (float)pointer.Y);
        return pointer.Kind switch
        {
            PointerKind.Press => Press(at, placement),
            PointerKind.Move => Move(at, placement),
            PointerKind.Release => Release(),
            _ => Scroll(pointer.Scroll),
        };
    }

    private PointerOutcome Press(Vector2 at, CanvasPlacement placement)
    {
        if (placement.Digits is { } digits && digits.TileAt(at) is var tile and >= 0)
        {
            scene.Latent.ClickTile(tile);
            return new PointerOutcome(StateChanged: true);
        }
        if (placement.Map is { } map && map.Contains(at) && scene.Latent.Map is not null)
            _mapPress = (at, map, placement.Scale);
        return default;
    }

    private PointerOutcome Move(Vector2 at, CanvasPlacement placement)
    {
        if (_mapPress is { } press)
        {
            _dragging |= Vector2.Distance(at, press.At) >= DragDistance * press.Scale;
            if (_dragging) scene.Latent.DragMarkerTo(press.Map.ToMap(press.Map.Clamp(at)));
            return default;
        }
        var hovered = placement.Map is { } map && map.Contains(at) && scene.Latent.Map is not null
            ? map.Nearest(scene.MapPoints, at, PickRadius * placement.Scale)
            : -1;
        if (hovered == _hovered) return default;
        _hovered = hovered;
        return hovered < 0 ? default : new PointerOutcome(Notice: $"test digit {hovered}: a {scene.Latent.LabelOf(hovered)} (click: load it into the tile)");
    }

    private PointerOutcome Release()
    {
        var (press, dragged) = (_mapPress, _dragging);
        (_mapPress, _dragging) = (null, false);
        if (press is not { } click) return default;
        if (dragged) return new PointerOutcome(MarkerMoved: true);
        var index = click.Map.Nearest(scene.MapPoints, click.At, PickRadius * click.Scale);
        if (index < 0) return default;
        scene.Latent.LoadTestDigit(index);
        return new PointerOutcome(MarkerMoved: true, Notice: $"loaded test digit {index} (a {scene.Latent.LabelOf(index)}) into tile {scene.Latent.SelectedTile}");
    }

    private PointerOutcome Scroll(double steps)
    {
        if (steps == 0) return default;
        scene.Latent.Clock.ChangeSpeed(faster: steps > 0);
        return new PointerOutcome(StateChanged: true);
    }
}
