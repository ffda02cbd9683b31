using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Presentation;
using LvaeLive.Render.Targets;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// A canvas shown in a window: device (owning the window's surface), frames in flight, a window target (canvas image,
/// swapchain) and the renderer, created in that order and disposed in reverse. The window system stays outside Render:
/// it hands in its instance extensions and a surface factory. Frame pacing is the caller's (a frame cap); with vsync,
/// presenting also waits for the display. A second window (the presenter view) gets a canvas <see cref="Beside"/> the
/// first: its own surface, swapchain, frames and renderer on the first one's device.
/// </summary>
public sealed class WindowCanvas : IDisposable
{
    private FrameSlot? _latest;
    private bool _disposed;
    // A canvas beside another owns its surface but not the device, which the first canvas owns and outlives it.
    private readonly WindowSurface? _ownSurface;
    private readonly bool _ownsGpu = true;

    public GpuContext Gpu { get; }
    public FrameRing Frames { get; }
    public WindowTarget Target { get; }
    public CanvasRenderer Renderer { get; }

    /// <param name="instanceExtensions">What the window system needs for its surface (GLFW's required extensions).</param>
    /// <param name="createSurface">Makes a VkSurfaceKHR handle from a VkInstance handle (GLFW's glfwCreateWindowSurface).</param>
    /// <param name="size">The window's framebuffer size; the surface may dictate another.</param>
    /// <param name="vsync">FIFO presentation (paced by the display); without it MAILBOX, then IMMEDIATE, are preferred.</param>
    public WindowCanvas(IReadOnlyList<string> instanceExtensions, Func<nint, ulong> createSurface, Extent2D size, bool vsync = true, GpuOptions? options = null)
    {
        options ??= new GpuOptions();
        // The surface exists before device selection, whose queue filter asks it; the context owns it from then on.
        WindowSurface? surface = null;
        Gpu = GpuContext.Create(options with
        {
            InstanceExtensions = [.. options.InstanceExtensions, .. instanceExtensions.Except(options.InstanceExtensions)],
            DeviceExtensions = [.. options.DeviceExtensions.Except([SwapchainFunctions.ExtensionName]), SwapchainFunctions.ExtensionName],
            CreateInstanceChild = (vk, instance) => surface = new WindowSurface(vk, instance, createSurface),
            QueueFamilyFilter = (instance, device, family) =>
                surface!.CanPresent(device, family) && (options.QueueFamilyFilter?.Invoke(instance, device, family) ?? true),
        });
        try
        {
            Frames = new FrameRing(Gpu);
            Target = new WindowTarget(Gpu, Frames, surface!, size, vsync);
            Renderer = new CanvasRenderer(Gpu, Frames);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private WindowCanvas(WindowCanvas first, Func<nint, ulong> createSurface, Extent2D size, bool vsync)
    {
        (Gpu, _ownsGpu) = (first.Gpu, false);
        try
        {
            _ownSurface = new WindowSurface(Gpu.Vk, Gpu.Instance, createSurface);
            if (!_ownSurface.CanPresent(Gpu.PhysicalDevice, Gpu.QueueFamily))
                throw new PlatformNotSupportedException($"{Gpu.DeviceName} cannot present to the second window's surface from its queue");
            Frames = new FrameRing(Gpu);
            Target = new WindowTarget(Gpu, Frames, _ownSurface, size, vsync);
            Renderer = new CanvasRenderer(Gpu, Frames);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// A canvas in a second window on this canvas's device: a second swapchain, drawn by the same canvas code. Dispose
    /// it before this one, which owns the device.
    /// </summary>
    public WindowCanvas Beside(Func<nint, ulong> createSurface, Extent2D size, bool vsync = true) => new(this, createSurface, size, vsync);

    /// <summary>The canvas size (the swapchain's).</summary>
    public Extent2D Extent => Target.Extent;

    /// <summary>Whether a red square in the window's top-right corner says that recording is on; never in read-back pixels.</summary>
    public bool RecordingIndicator
    {
        get => Target.ShowRecordingIndicator;
        set => Target.ShowRecordingIndicator = value;
    }

    /// <summary>
    /// Draws one frame and presents it without waiting for it. False when nothing was shown: the window is minimised,
    /// or the swapchain was out of date (it has been re-created; draw again). With <paramref name="readBack"/>, the
    /// frame's pixels become available to <see cref="TryReadPixels"/>.
    /// </summary>
    public bool Render(CanvasFrame frame, bool readBack = false)
    {
        if (!Target.TryAcquire(Frames.Next))
            return false;
        var slot = Frames.BeginFrame();
        Target.ReadBack = readBack;
        Renderer.Draw(slot, Target, frame);
        Target.SubmitAndPresent(slot);
        _latest = slot;
        return true;
    }

    /// <summary>
    /// Waits for the latest frame and copies its RGBA8 pixels (rows top to bottom); false when it was not rendered with
    /// read-back, or when the canvas was resized (by <see cref="Resize"/>, or by the swapchain's re-creation as it was
    /// presented) since: its read-back buffer is then gone.
    /// </summary>
    public bool TryReadPixels(Span<byte> rgba) => _latest is { } slot && Target.TryReadPixels(slot, rgba);

    public byte[] ReadPixels()
    {
        var pixels = new byte[OffscreenTarget.ByteCount(Extent)];
        if (!TryReadPixels(pixels))
            throw new InvalidOperationException("the latest frame was not rendered with readBack, or the canvas was resized since");
        return pixels;
    }

    /// <summary>Follows the window's framebuffer size (after waiting for the frames in flight); 0x0, minimised, pauses rendering.</summary>
    public void Resize(Extent2D size) => Target.Resize(size);

    /// <summary>Once the frames and presents in flight have finished, everything in reverse order of creation; safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Gpu?.WaitIdle();
        Renderer?.Dispose();
        Target?.Dispose();
        Frames?.Dispose();
        _ownSurface?.Dispose();
        if (_ownsGpu) Gpu?.Dispose();
    }
}
