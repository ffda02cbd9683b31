using LvaeLive.Host.Input;
using LvaeLive.Host.Panels;
using LvaeLive.Host.Window;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Loop;

/// <summary>What the frame loop drives: one model's session, or a race of two.</summary>
internal interface ILiveView
{
    /// <summary>The canvas record, filled again by every <see cref="Advance"/>.</summary>
    CanvasFrame Frame { get; }

    /// <summary>The presenter view's frame while a talk plays; null without one. Drawn on the presenter's window alone, never recorded.</summary>
    CanvasFrame? PresenterFrame { get; }

    /// <summary>The HUD that the loop's own notices (recording, screenshots) go to.</summary>
    HudStatus Hud { get; }

    /// <summary>Applies a key's command to the view; returns what the frame loop itself must do.</summary>
    LoopRequest Apply(LiveInput input);

    /// <summary>Applies a pointer event, hit-tested against where the last frame drew the grid and the map.</summary>
    void ApplyPointer(PointerEvent pointer, CanvasPlacement placement);

    /// <summary>Advances to the frame at <paramref name="time"/> on the loop's clock and fills <see cref="Frame"/>.</summary>
    void Advance(FrameTime time);

    /// <summary>Writes the view's state as one `state:` line.</summary>
    void LogState();
}
