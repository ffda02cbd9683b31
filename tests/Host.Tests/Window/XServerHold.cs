using System.Runtime.InteropServices;

namespace LvaeLive.Host.Tests.Window;

/// <summary>
/// Holds one X connection open while the window tests run. Xvfb, unless started with -noreset, resets itself whenever
/// its last client disconnects and refuses connections meanwhile; each test's window closing GLFW's connection would
/// otherwise make the next test's window fail now and then with "Failed to open display".
/// </summary>
public sealed partial class XServerHold : IDisposable
{
    private readonly nint _display = XOpenDisplay(0);

    public void Dispose()
    {
        if (_display != 0)
            _ = XCloseDisplay(_display);
    }

    [LibraryImport("libX11.so.6")]
    private static partial nint XOpenDisplay(nint name);

    [LibraryImport("libX11.so.6")]
    private static partial int XCloseDisplay(nint display);
}
