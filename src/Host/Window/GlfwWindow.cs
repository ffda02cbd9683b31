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
    private readonly Queue<PointerEvent> _pointer = new();
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    private GCHandle _self;
    private nint _handle;
    private string _title;
    private bool _iconified;
    private bool _resized;
    private (int X, int Y, int Width, int Height) _windowedPlacement;
    private readonly GlfwMonitor _monitor = null!;
    private double _pointerX, _pointerY; // Window coordinates of the last move: where presses and scrolls happen.

    /// <param name="monitor">The monitor that fullscreen covers; an unknown one is refused with the list of monitors.</param>
    public GlfwWindow(int width, int height, string title, bool fullscreen = false, int monitor = GlfwMonitor.Primary)
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
            // A fullscreen canvas stays up when focus goes elsewhere: a presenter turns to the laptop's notes while the
            // projector keeps showing it (and without a window manager, GLFW cannot iconify a fullscreen window at all).
            Glfw.WindowHint(Glfw.AutoIconify, Glfw.False);
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
            Glfw.SetCursorPosCallback(_handle, &OnCursorPos);
            Glfw.SetMouseButtonCallback(_handle, &OnMouseButton);
            Glfw.SetScrollCallback(_handle, &OnScroll);
            Glfw.SetFramebufferSizeCallback(_handle, &OnFramebufferSize);
            Glfw.SetWindowIconifyCallback(_handle, &OnIconify);
            var (w, h) = Glfw.GetFramebufferSize(_handle);
            FramebufferSize = new FramebufferSize(w, h);
            _monitor = GlfwMonitor.Numbered(monitor);
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

    /// <summary>
    /// Takes the oldest pointer event not yet read, its position in framebuffer pixels (GLFW gives window coordinates,
    /// which differ from pixels on scaled displays). Of several moves in a row only the last is kept: a frame needs
    /// only where the pointer is now, and a drag that followed each move would move the marker more than once a frame.
    /// </summary>
    public bool TryReadPointer(out PointerEvent pointer)
    {
        AssertOwnerThread();
        while (_pointer.TryDequeue(out pointer))
        {
            if (pointer.Kind == PointerKind.Move && _pointer.TryPeek(out var next) && next.Kind == PointerKind.Move)
                continue;
            var (width, height) = Glfw.GetWindowSize(Handle);
            if (width > 0 && height > 0)
                pointer = pointer with { X = pointer.X * FramebufferSize.Width / width, Y = pointer.Y * FramebufferSize.Height / height };
            return true;
        }
        return false;
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

    /// <summary>Covers the chosen monitor at its current video mode (windowed fullscreen), or returns to the window's earlier place and size.</summary>
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
            // The mode now, not the one at start-up: a projector may have been switched since.
            var mode = Glfw.GetVideoMode(_monitor.Handle);
            Glfw.SetWindowMonitor(Handle, _monitor.Handle, 0, 0, mode.Width, mode.Height, mode.RefreshRate);
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
