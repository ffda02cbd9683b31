using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>
/// GLFW's callbacks for a window. They run inside glfwPollEvents on the owner thread, find their window through the
/// GLFW user pointer (a GCHandle to it) and only record what happened: nothing here may throw back into native code.
/// </summary>
internal sealed unsafe partial class GlfwWindow
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnKey(nint window, int key, int scancode, int action, int mods)
    {
        From(window)?._keys.Enqueue(new KeyEvent((GlfwKey)key, scancode, (KeyAction)action, (KeyModifiers)mods));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnCursorPos(nint window, double x, double y)
    {
        if (From(window) is not { } owner)
            return;
        (owner._pointerX, owner._pointerY) = (x, y);
        owner._pointer.Enqueue(new PointerEvent(PointerKind.Move, x, y));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMouseButton(nint window, int button, int action, int mods)
    {
        // The press or release happens where the pointer is: the last move's place, which GLFW reported before.
        if (From(window) is not { } owner)
            return;
        var kind = action == (int)KeyAction.Release ? PointerKind.Release : PointerKind.Press;
        owner._pointer.Enqueue(new PointerEvent(kind, owner._pointerX, owner._pointerY, (MouseButton)button));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnScroll(nint window, double x, double y)
    {
        if (From(window) is { } owner)
            owner._pointer.Enqueue(new PointerEvent(PointerKind.Scroll, owner._pointerX, owner._pointerY, Scroll: y));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnFramebufferSize(nint window, int width, int height)
    {
        if (From(window) is not { } owner)
            return;
        owner.FramebufferSize = new FramebufferSize(width, height);
        owner._resized = true;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnIconify(nint window, int iconified)
    {
        if (From(window) is { } owner)
            owner._iconified = iconified == Glfw.True;
    }

    private static GlfwWindow? From(nint window)
    {
        var pointer = Glfw.GetWindowUserPointer(window);
        return pointer == 0 ? null : GCHandle.FromIntPtr(pointer).Target as GlfwWindow;
    }
}
