using LvaeLive.Host.Input;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Live;

/// <summary>The window's keys, mapped to live-view commands; closing the window ends the session.</summary>
internal sealed class WindowInput(GlfwWindow window, KeyMap keys) : IInputSource
{
    public bool Poll()
    {
        window.PollEvents();
        return !window.ShouldClose;
    }

    public bool TryRead(out LiveInput input)
    {
        while (window.TryReadKey(out var key))
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
}
