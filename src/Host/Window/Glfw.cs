using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>
/// Checked wrappers over the GLFW entry points: each one throws a <see cref="GlfwException"/> naming the call when GLFW
/// reported an error during it. GLFW wants its window and event calls on one thread: the live loop's main thread.
/// </summary>
internal static unsafe partial class Glfw
{
    /// <summary>Initialises GLFW, turning a missing library or display into a message that says what to do.</summary>
    public static void Init()
    {
        EnsureLibrary();
        glfwSetErrorCallback(GlfwErrors.Callback);
        if (glfwInit() == True)
            return;
        var reason = GlfwErrors.Take("glfwInit")?.Description ?? "glfwInit failed without a reason";
        throw new PlatformNotSupportedException(
            $"cannot open a window: {reason}. Run under a display (DISPLAY set), or under Xvfb (e.g. `xvfb-run -a lvae live`), " +
            "or pass --headless to render offscreen");
    }

    public static void Terminate()
    {
        glfwTerminate();
        Check();
    }

    public static void DefaultWindowHints()
    {
        glfwDefaultWindowHints();
        Check();
    }

    public static void WindowHint(int hint, int value)
    {
        glfwWindowHint(hint, value);
        Check();
    }

    public static nint CreateWindow(int width, int height, string title)
    {
        var window = glfwCreateWindow(width, height, title, 0, 0);
        Check();
        return window != 0 ? window : throw new GlfwException("glfwCreateWindow", 0, "returned no window");
    }

    public static void DestroyWindow(nint window)
    {
        glfwDestroyWindow(window);
        Check();
    }

    public static void SetWindowTitle(nint window, string title)
    {
        glfwSetWindowTitle(window, title);
        Check();
    }

    public static bool WindowShouldClose(nint window)
    {
        var close = glfwWindowShouldClose(window);
        Check();
        return close == True;
    }

    public static void SetWindowShouldClose(nint window, bool close)
    {
        glfwSetWindowShouldClose(window, close ? True : False);
        Check();
    }

    public static void PollEvents()
    {
        glfwPollEvents();
        Check();
    }

    public static void WaitEventsTimeout(TimeSpan timeout)
    {
        glfwWaitEventsTimeout(timeout.TotalSeconds);
        Check();
    }

    public static (int Width, int Height) GetFramebufferSize(nint window)
    {
        int width, height;
        glfwGetFramebufferSize(window, &width, &height);
        Check();
        return (width, height);
    }

    public static (int X, int Y) GetWindowPos(nint window)
    {
        int x, y;
        glfwGetWindowPos(window, &x, &y);
        Check();
        return (x, y);
    }

    public static (int Width, int Height) GetWindowSize(nint window)
    {
        int width, height;
        glfwGetWindowSize(window, &width, &height);
        Check();
        return (width, height);
    }

    public static void SetWindowUserPointer(nint window, nint pointer)
    {
        glfwSetWindowUserPointer(window, pointer);
        Check();
    }

    /// <summary>Called from inside GLFW callbacks, where throwing would unwind through native code: unchecked on purpose.</summary>
    public static nint GetWindowUserPointer(nint window) => glfwGetWindowUserPointer(window);

    public static void SetKeyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void> callback)
    {
        glfwSetKeyCallback(window, callback);
        Check();
    }

    public static void SetCursorPosCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback)
    {
        glfwSetCursorPosCallback(window, callback);
        Check();
    }

    public static void SetMouseButtonCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, void> callback)
    {
        glfwSetMouseButtonCallback(window, callback);
        Check();
    }

    public static void SetScrollCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback)
    {
        glfwSetScrollCallback(window, callback);
        Check();
    }

    public static void SetFramebufferSizeCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, void> callback)
    {
        glfwSetFramebufferSizeCallback(window, callback);
        Check();
    }

    public static void SetWindowIconifyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, void> callback)
    {
        glfwSetWindowIconifyCallback(window, callback);
        Check();
    }

    /// <summary>The connected monitors, the primary one first (GLFW's order).</summary>
    public static nint[] GetMonitors()
    {
        int count;
        var monitors = glfwGetMonitors(&count);
        Check();
        return monitors == null ? [] : new ReadOnlySpan<nint>(monitors, count).ToArray();
    }

    public static string GetMonitorName(nint monitor)
    {
        var name = glfwGetMonitorName(monitor);
        Check();
        return name == null ? "" : Marshal.PtrToStringUTF8((nint)name)!;
    }

    /// <summary>Every video mode the monitor supports, smallest first (GLFW's order).</summary>
    public static VideoMode[] GetVideoModes(nint monitor)
    {
        int count;
        var modes = glfwGetVideoModes(monitor, &count);
        Check();
        return modes == null ? [] : new ReadOnlySpan<VideoMode>(modes, count).ToArray();
    }

    public static VideoMode GetVideoMode(nint monitor)
    {
        var mode = glfwGetVideoMode(monitor);
        Check();
        return mode != null ? *mode : throw new GlfwException("glfwGetVideoMode", 0, "the monitor reported no video mode");
    }

    /// <summary>The monitor a full-screen window covers, or 0 for a window in windowed mode.</summary>
    public static nint GetWindowMonitor(nint window)
    {
        var monitor = glfwGetWindowMonitor(window);
        Check();
        return monitor;
    }

    public static void SetWindowMonitor(nint window, nint monitor, int x, int y, int width, int height, int refreshRate)
    {
        glfwSetWindowMonitor(window, monitor, x, y, width, height, refreshRate);
        Check();
    }

    /// <summary>The instance extensions a Vulkan surface for a GLFW window needs (e.g. VK_KHR_surface, VK_KHR_xcb_surface).</summary>
    public static string[] GetRequiredInstanceExtensions()
    {
        var supported = glfwVulkanSupported();
        Check("VulkanSupported");
        if (supported != True)
            throw new PlatformNotSupportedException(
                "GLFW found no Vulkan loader with window-system support: install the Debian packages libvulkan1 and " +
                "mesa-vulkan-drivers (or your GPU's Vulkan driver)");
        uint count;
        var names = glfwGetRequiredInstanceExtensions(&count);
        Check();
        var extensions = new string[count];
        for (var i = 0; i < count; i++)
            extensions[i] = Marshal.PtrToStringUTF8((nint)names[i])!;
        return extensions;
    }

    /// <summary>Creates a VkSurfaceKHR for the window; returns the VkResult, so the caller checks it its own way.</summary>
    public static int CreateWindowSurface(nint vkInstance, nint window, out ulong surface)
    {
        ulong created;
        var result = glfwCreateWindowSurface(vkInstance, window, null, &created);
        Check();
        surface = created;
        return result;
    }

    private static void Check([CallerMemberName] string call = "") => GlfwErrors.ThrowIfRaised($"glfw{call}");

    private static void EnsureLibrary()
    {
        if (!NativeLibrary.TryLoad(Library, typeof(Glfw).Assembly, null, out _))
            throw new PlatformNotSupportedException(
                $"{Library} could not be loaded: install the Debian package libglfw3 (apt-get install libglfw3)");
    }
}
