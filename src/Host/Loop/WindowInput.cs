using LvaeLive.Host.Input;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Loop;

/// <summary>
/// The window's keys, mapped to live-view commands by the session's active key table, and its pointer's events with the left button and the wheel;
/// closing the window ends the session. While the window is
/// minimised it waits for events instead of polling, so the render loop leaves the cores to training. The presenter
/// view's window, when there is one, gives keys too: the laptop's keyboard steps the talk whichever window has focus.
/// </summary>
internal sealed class WindowInput(GlfwWindow window, KeyProfiles keys, GlfwWindow? presenter = null) : IInputSource
{
    private static readonly TimeSpan MinimisedWait = TimeSpan.FromMilliseconds(250);

    public bool Poll()
    {
        if (window.IsMinimized) window.WaitEvents(MinimisedWait);
        else window.PollEvents();
        return !window.ShouldClose;
    }

    public bool TryRead(out LiveInput input)
    {
        while (window.TryReadKey(out var key) || (presenter?.TryReadKey(out key) ?? false))
        {
            if (keys.Map(key) is { } mapped)
            {
                input = mapped;
                return true;
            }
        }
        input = default;
        return false;
    }

    public bool TryReadPointer(out PointerEvent pointer)
    {
        while (window.TryReadPointer(out pointer))
            if (pointer.Button == MouseButton.Left)
                return true;
        return false;
    }
}
