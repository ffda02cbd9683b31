using LvaeLive.Host.Input;
using LvaeLive.Host.Scene;
using LvaeLive.Host.Window;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Session;

/// <summary>The session's pointer input: applied like the keys, logged in the same state lines.</summary>
internal sealed partial class LiveSession
{
    private readonly PointerControl _pointer;
    // A drag ended: its state line waits for the frame that draws the marker where it was dropped.
    private bool _markerMoved;

    /// <summary>
    /// Applies a pointer event, hit-tested against where the last frame drew the grid and the map; with the presenting
    /// keys, a press anywhere is the next step, as a click is in a slide tool.
    /// </summary>
    public void ApplyPointer(PointerEvent pointer, CanvasPlacement placement)
    {
        if (_keys.Active.Profile == KeyProfile.Presenting)
        {
            if (pointer.Kind == PointerKind.Press) Apply(new LiveInput(ViewAction.NextStep));
            return;
        }
        var outcome = _pointer.Apply(pointer, placement);
        if (outcome.Notice is { } notice) _pendingNotice = notice;
        _markerMoved |= outcome.MarkerMoved;
        if (outcome.StateChanged) LogState();
    }

    private void LogMovedMarker()
    {
        if (!_markerMoved) return;
        _markerMoved = false;
        LogState();
    }

    /// <summary>The selected point's marker on the map, as the last frame drew it: "x,y" in map units, or "none".</summary>
    private string MarkerState() => _scene.Marker is { } marker ? FormattableString.Invariant($"{marker.X:0.###},{marker.Y:0.###}") : "none";
}
