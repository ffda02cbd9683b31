namespace LvaeLive.Host.Window;

/// <summary>What a key did: GLFW_RELEASE, GLFW_PRESS, or GLFW_REPEAT while held.</summary>
internal enum KeyAction
{
    Release = 0,
    Press = 1,
    Repeat = 2,
}

/// <summary>GLFW's modifier bits.</summary>
[Flags]
internal enum KeyModifiers
{
    None = 0,
    Shift = 0x1,
    Control = 0x2,
    Alt = 0x4,
    Super = 0x8,
}

/// <summary>One key event as GLFW delivered it; the scancode is platform-specific and only useful for logs.</summary>
internal readonly record struct KeyEvent(GlfwKey Key, int Scancode, KeyAction Action, KeyModifiers Modifiers);
