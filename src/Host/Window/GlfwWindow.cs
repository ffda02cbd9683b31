using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>
/// One GLFW window for Vulkan (no OpenGL context). It owns the native window: destroyed once, by <see cref="Dispose"/>.
/// Events arrive while the owner thread calls <see cref="PollEvents"/> or <see cref="WaitEvents"/>; the window queues
/// keys and remembers size changes for the live loop to take between frames. Everything runs on the thread that created
/// it, as GLFW requires.
/// </summary>
internal sealed unsafe partial class GlfwWindow : IDisposable
{
    private readonly Queue<KeyEvent> _keys = new();
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    private GCHandle _self;
    private nint _handle;
    private string _title;
    private bool _iconified;
    private bool _resized;
    private (int X, int Y, int Width, int Height) _windowedPlacement;

    public GlfwWindow(int width, int height, string title, bool fullscreen = false)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"window size {width}x{height} must be positive");
        _title = title;
        GlfwRuntime.Acquire();
        try
        {
            Glfw.DefaultWindowHints();
            Glfw.WindowHint(Glfw.ClientApi, Glfw.NoApi);
            Glfw.WindowHint(Glfw.Resizable, Glfw.True);
            _handle = Glfw.CreateWindow(width, height, title);
        }
        catch
        {
            GlfwRuntime.Release();
            throw;
        }

        try
        {
            _self = GCHandle.Alloc(this);
            Glfw.SetWindowUserPointer(_handle, GCHandle.ToIntPtr(_self));
            Glfw.SetKeyCallback(_handle, &OnKey);
            Glfw.SetFramebufferSizeCallback(_handle, &OnFramebufferSize);
            Glfw.SetWindowIconifyCallback(_handle, &OnIconify);
            var (w, h) = Glfw.GetFramebufferSize(_handle);
            FramebufferSize = new FramebufferSize(w, h);
            if (fullscreen)
                SetFullscreen(true);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Title
    {
        get => _title;
        set
        {
            AssertOwnerThread();
            Glfw.SetWindowTitle(Handle, value);
            _title = value;
        }
    }

    /// <summary>The drawable size in pixels, as of the last event poll.</summary>
    public FramebufferSize FramebufferSize { get; private set; }

    /// <summary>Minimised (or shrunk to nothing): no swapchain can be made, so the loop should wait for events instead.</summary>
    public bool IsMinimized => _iconified || FramebufferSize.IsEmpty;

    public bool ShouldClose => Glfw.WindowShouldClose(Handle);

    public bool IsFullscreen => Glfw.GetWindowMonitor(Handle) != 0;

    /// <summary>The Vulkan instance extensions this window's surface needs.</summary>
    public static IReadOnlyList<string> RequiredInstanceExtensions => Glfw.GetRequiredInstanceExtensions();

    public void RequestClose() => Glfw.SetWindowShouldClose(Handle, true);

    /// <summary>Handles pending events without waiting: once per frame.</summary>
    public void PollEvents()
    {
        AssertOwnerThread();
        Glfw.PollEvents();
    }

    /// <summary>Sleeps until an event arrives or the timeout passes: for a minimised or paused window.</summary>
    public void WaitEvents(TimeSpan timeout)
    {
        AssertOwnerThread();
        Glfw.WaitEventsTimeout(timeout);
    }

    /// <summary>Takes the oldest key event not yet read.</summary>
    public bool TryReadKey(out KeyEvent key)
    {
        AssertOwnerThread();
        return _keys.TryDequeue(out key);
    }

    /// <summary>True once after each change of the framebuffer size, with the new size: the cue to re-create the swapchain.</summary>
    public bool TakeResize(out FramebufferSize size)
    {
        AssertOwnerThread();
        size = FramebufferSize;
        var changed = _resized;
        _resized = false;
        return changed;
    }

    /// <summary>Creates a VkSurfaceKHR for this window; the caller owns it and destroys it before the instance.</summary>
    public ulong CreateSurface(nint vkInstance)
    {
        AssertOwnerThread();
        if (vkInstance == 0)
            throw new ArgumentException("a Vulkan instance is needed to create a surface", nameof(vkInstance));
        var result = Glfw.CreateWindowSurface(vkInstance, Handle, out var surface);
        return result == Glfw.VkSuccess
            ? surface
            : throw new InvalidOperationException($"glfwCreateWindowSurface failed with VkResult {result}");
    }

    /// <summary>Covers the primary monitor at its current video mode, or returns to the window's earlier place and size.</summary>
    public void SetFullscreen(bool fullscreen)
    {
        AssertOwnerThread();
        if (fullscreen == IsFullscreen)
            return;
        if (fullscreen)
        {
            var (x, y) = Glfw.GetWindowPos(Handle);
            var (width, height) = Glfw.GetWindowSize(Handle);
            _windowedPlacement = (x, y, width, height);
            var monitor = Glfw.GetPrimaryMonitor();
            var mode = Glfw.GetVideoMode(monitor);
            Glfw.SetWindowMonitor(Handle, monitor, 0, 0, mode.Width, mode.Height, mode.RefreshRate);
        }
        else
        {
            var (x, y, width, height) = _windowedPlacement;
            Glfw.SetWindowMonitor(Handle, 0, x, y, width, height, 0);
        }
    }

    public void Dispose()
    {
        if (_handle == 0)
            return;
        AssertOwnerThread();
        Glfw.DestroyWindow(_handle);
        _handle = 0;
        if (_self.IsAllocated)
            _self.Free();
        GlfwRuntime.Release();
    }

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(GlfwWindow));

    [Conditional("DEBUG")]
    private void AssertOwnerThread() => Debug.Assert(Environment.CurrentManagedThreadId == _ownerThread,
        "GLFW window calls must come from the thread that created the window");
}
