using LvaeLive.Host.Window;

namespace LvaeLive.Host.Input;

/// <summary>
/// One key and what it does. <see cref="Shift"/>: null when Shift makes no difference (so `+`, which is Shift+`=` on a
/// US keyboard, works either way), otherwise whether Shift must be held. <see cref="Repeats"/>: whether holding the key
/// (GLFW_REPEAT) does it again.
/// </summary>
internal sealed record KeyBinding(GlfwKey Key, LiveInput Input, bool? Shift = null, bool Repeats = false);

/// <summary>
/// Bindings that share one line of the help overlay: the keys as the user reads them, and what they do; and, for the
/// keys worth a hint in the footer, that hint (keys and a word).
/// </summary>
internal sealed record KeyGroup(string Keys, string Description, IReadOnlyList<KeyBinding> Bindings, string? Hint = null)
{
    /// <summary>A line of keys that all give one command, with or without Shift, once per press.</summary>
    public static KeyGroup Of(string keys, string description, ViewAction command, params GlfwKey[] bound) =>
        new(keys, description, bound.Select(key => new KeyBinding(key, new LiveInput(command))).ToArray());
}
