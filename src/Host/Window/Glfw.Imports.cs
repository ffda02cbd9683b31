using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>
/// The raw GLFW 3.3 entry points we use, from Debian's libglfw.so.3 (NuGet here has no Silk.NET.GLFW). Callers go
/// through the checked wrappers in <see cref="Glfw"/>; these stay private to this class.
/// </summary>
internal static unsafe partial class Glfw
{
    private const string Library = "libglfw.so.3";

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int glfwInit();

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwTerminate();

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetErrorCallback(delegate* unmanaged[Cdecl]<int, byte*, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwDefaultWindowHints();

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwWindowHint(int hint, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwCreateWindow(int width, int height, string title, nint monitor, nint share);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwDestroyWindow(nint window);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwSetWindowTitle(nint window, string title);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int glfwWindowShouldClose(nint window);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwSetWindowShouldClose(nint window, int value);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwPollEvents();

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwWaitEventsTimeout(double timeout);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwGetFramebufferSize(nint window, int* width, int* height);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwGetWindowPos(nint window, int* x, int* y);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwGetWindowSize(nint window, int* width, int* height);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwSetWindowUserPointer(nint window, nint pointer);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwGetWindowUserPointer(nint window);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetKeyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetCursorPosCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetMouseButtonCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, int, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetScrollCallback(nint window, delegate* unmanaged[Cdecl]<nint, double, double, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetFramebufferSizeCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, int, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwSetWindowIconifyCallback(nint window, delegate* unmanaged[Cdecl]<nint, int, void> callback);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint* glfwGetMonitors(int* count);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* glfwGetMonitorName(nint monitor);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial VideoMode* glfwGetVideoMode(nint monitor);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial VideoMode* glfwGetVideoModes(nint monitor, int* count);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint glfwGetWindowMonitor(nint window);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void glfwSetWindowMonitor(nint window, nint monitor, int x, int y, int width, int height, int refreshRate);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int glfwVulkanSupported();

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte** glfwGetRequiredInstanceExtensions(uint* count);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int glfwCreateWindowSurface(nint instance, nint window, void* allocator, ulong* surface);
}
