namespace LvaeLive.Host.Window;

/// <summary>What the pointer did: moved, pressed or released a button, or scrolled.</summary>
internal enum PointerKind { Move, Press, Release, Scroll }

/// <summary>GLFW's mouse buttons.</summary>
internal enum MouseButton { Left = 0, Right = 1, Middle = 2 }

/// <summary>
/// One pointer event at (<see cref="X"/>, <see cref="Y"/>), top-left origin: window coordinates as GLFW reports them,
/// framebuffer pixels once read from the window. <see cref="Scroll"/>: the wheel's vertical steps, up positive.
/// </summary>
internal readonly record struct PointerEvent(PointerKind Kind, double X, double Y, MouseButton Button = MouseButton.Left, double Scroll = 0);
