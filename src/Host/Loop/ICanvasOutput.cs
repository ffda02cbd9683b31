namespace LvaeLive.Host.Loop;

/// <summary>Where the live loop's frames go: a window, or an offscreen canvas when there is no display.</summary>
internal interface ICanvasOutput
{
    int Width { get; }
    int Height { get; }

    /// <summary>Draws a frame; with <paramref name="readBack"/>, its pixels become readable. False when nothing was drawn
    /// (a minimised window, a swapchain being re-created).</summary>
    bool Render(Shaders.Canvas.CanvasFrame frame, bool readBack);

    /// <summary>The RGBA8 pixels of the last frame, rendered with read-back (waits for it); false when there are none: it
    /// was rendered without, or a swapchain re-creation took its read-back buffer after it was drawn.</summary>
    bool TryReadPixels(Span<byte> rgba);

    /// <summary>The window-only marker that a recording is running; never part of the recorded pixels.</summary>
    bool RecordingIndicator { set; }

    /// <summary>Where the last frame drew the grid and the map: what pointer input is hit-tested against.</summary>
    Shaders.Canvas.CanvasPlacement Placement => default;

    /// <summary>Goes into or out of windowed fullscreen; an output without a window has nothing to do.</summary>
    void ToggleFullscreen()
    {
    }

    /// <summary>Back to the window from fullscreen; nothing to do in a window, or without one.</summary>
    void LeaveFullscreen()
    {
    }
}

/// <summary>Keys, pointer events and close requests: the window's, or none.</summary>
internal interface IInputSource
{
    /// <summary>Processes pending window events; true while the session should go on.</summary>
    bool Poll();

    /// <summary>The next key's input, if any; a source without keys (headless, recording) has none.</summary>
    bool TryRead(out Input.LiveInput input)
    {
        input = default;
        return false;
    }

    /// <summary>The next pointer event (framebuffer pixels), if any; a source without a window has none.</summary>
    bool TryReadPointer(out Window.PointerEvent pointer)
    {
        pointer = default;
        return false;
    }
}
