using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Targets;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// A render target shown in a window. The canvas draws into a storage image of the swapchain's size (swapchain formats
/// rarely allow storage use), which is transferred into the acquired swapchain image and presented; when asked, it is
/// also read back, without the window-only recording indicator. Owns, in creation order: the canvas image with its
/// read-back buffers, one image-available semaphore per frame in flight, the indicator, and the swapchain.
/// A frame goes <see cref="TryAcquire"/>, the canvas's drawing (RecordBegin ... RecordEnd), <see cref="SubmitAndPresent"/>.
/// </summary>
public sealed unsafe class WindowTarget : IRenderTarget, IDisposable
{
    private readonly GpuContext _gpu;
    private readonly FrameRing _frames;
    private readonly WindowSurface _surface;
    private readonly SwapchainFunctions _functions;
    private readonly bool _vsync;
    private readonly OffscreenTarget _canvas;
    private readonly SemaphoreSet _imageAvailable;
    private readonly RecordingIndicator _indicator;
    private Swapchain? _swapchain;
    private Extent2D _requested;
    private uint _imageIndex;
    private bool _recreateAfterPresent;

    internal WindowTarget(GpuContext gpu, FrameRing frames, WindowSurface surface, Extent2D requested, bool vsync)
    {
        _gpu = gpu;
        _frames = frames;
        _surface = surface;
        _functions = new SwapchainFunctions(gpu.Vk, gpu.Device);
        _vsync = vsync;
        _requested = requested;
        // A first size for the canvas image; the swapchain's own size replaces it in Recreate.
        _canvas = new OffscreenTarget(gpu, frames, new Extent2D(Math.Max(requested.Width, 1), Math.Max(requested.Height, 1)));
        try
        {
            _imageAvailable = new SemaphoreSet(gpu, FrameRing.FramesInFlight);
            _indicator = new RecordingIndicator(gpu);
            Recreate();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The canvas size: the swapchain's size, or the last one while the window is minimised.</summary>
    public Extent2D Extent => _canvas.Extent;

    public Image Image => _canvas.Image;

    public ImageView View => _canvas.View;

    /// <summary>The swapchain's choices (format, transfer, present mode, size), or null while minimised.</summary>
    public SwapchainSettings? Settings => _swapchain?.Settings;

    /// <summary>Minimised (the surface has no area): no swapchain exists and frames are skipped until a resize restores it.</summary>
    public bool IsSuspended => _swapchain is null;

    /// <summary>Whether the frame being recorded also copies the canvas into its slot's read-back buffer.</summary>
    public bool ReadBack { get; set; }

    /// <summary>Whether the red recording square is drawn into the window's image (never into the read-back).</summary>
    public bool ShowRecordingIndicator { get; set; }

    /// <summary>Re-creates the swapchain and the canvas image for a new framebuffer size; 0x0 (minimised) suspends.</summary>
    public void Resize(Extent2D requested)
    {
        _requested = requested;
        Recreate();
    }

    /// <summary>
    /// Acquires the swapchain image for the slot's frame, after the slot's previous frame is done (its semaphore is then
    /// free). False when no frame can be drawn now: minimised, or the swapchain was out of date (it is re-created).
    /// </summary>
    public bool TryAcquire(FrameSlot slot)
    {
        if (_swapchain is null)
            return false;
        slot.WaitUntilDone();
        var result = _swapchain.Acquire(_imageAvailable[slot.Index], out _imageIndex);
        if (result == Result.ErrorOutOfDateKhr)
        {
            Recreate();
            return false;
        }
        // Suboptimal still acquired an image (and will signal the semaphore): show it, then re-create.
        _recreateAfterPresent = result == Result.SuboptimalKhr;
        return true;
    }

    public void RecordBegin(FrameSlot slot) => _canvas.RecordBegin(slot);

    public void RecordEnd(FrameSlot slot)
    {
        var swapchain = _swapchain ?? throw new InvalidOperationException("no swapchain image was acquired for this frame");
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var image = swapchain.Images[(int)_imageIndex];
        _canvas.RecordCopySource(slot);
        if (ReadBack)
            _canvas.RecordReadBack(slot);

        // The transition runs after the submit's image-available wait, which holds the transfer stage: the display has
        // let the image go before it is overwritten. Its old content is discarded.
        var toDestination = Init.ImageLayout(image, ImageLayout.Undefined, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit);
        vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.TransferBit, 0, 0, null, 0, null, 1, &toDestination);
        ImageTransfer.Record(vk, cmd, swapchain.Settings.Transfer, _canvas.Image, image, _canvas.Extent, default);

        if (ShowRecordingIndicator && RecordingIndicator.Placement(_canvas.Extent) is { } at)
        {
            // The canvas transfer's writes land before the square overwrites part of them (write after write).
            var canvasWritten = Init.Memory(AccessFlags.TransferWriteBit, AccessFlags.TransferWriteBit);
            vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.TransferBit, 0, 1, &canvasWritten, 0, null, 0, null);
            ImageTransfer.Record(vk, cmd, swapchain.Settings.Transfer, _indicator.Image, image, RecordingIndicator.Size, at);
        }

        // The transfers' writes land before the image changes to the layout the display reads; the present waits on the
        // render-finished semaphore that this submit signals, so nothing later in this command buffer needs to wait.
        var toPresent = Init.ImageLayout(image, ImageLayout.TransferDstOptimal, ImageLayout.PresentSrcKhr, AccessFlags.TransferWriteBit, 0);
        vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.BottomOfPipeBit, 0, 0, null, 0, null, 1, &toPresent);
    }

    /// <summary>Submits the slot's frame (its transfers wait for the acquired image) and presents it; re-creates the swapchain when it no longer fits.</summary>
    public void SubmitAndPresent(FrameSlot slot)
    {
        var swapchain = _swapchain ?? throw new InvalidOperationException("no swapchain image was acquired for this frame");
        _frames.Submit(slot, _imageAvailable[slot.Index], PipelineStageFlags.TransferBit, swapchain.RenderFinished(_imageIndex));
        var result = swapchain.Present(_imageIndex);
        if (result is Result.ErrorOutOfDateKhr or Result.SuboptimalKhr || _recreateAfterPresent)
            Recreate();
    }

    /// <summary>
    /// The RGBA8 pixels of the slot's latest frame (waits for it); false when that frame was recorded with
    /// <see cref="ReadBack"/> off, or when a swapchain re-creation (a resize, out of date, suboptimal) re-created the
    /// read-back buffers after the frame chose its slot: they then hold nothing of it.
    /// </summary>
    public bool TryReadPixels(FrameSlot slot, Span<byte> rgba) => _canvas.TryReadPixels(slot, rgba);

    /// <summary>
    /// Builds the swapchain for the surface as it is now, replacing the old one once the device is idle (frames and
    /// presents that use it have finished), and gives the canvas image the swapchain's size.
    /// </summary>
    private void Recreate()
    {
        _recreateAfterPresent = false;
        _gpu.WaitIdle();
        var settings = SwapchainSettings.Choose(_surface.Capabilities(_gpu.PhysicalDevice), _surface.Formats(_gpu.PhysicalDevice),
            _surface.PresentModes(_gpu.PhysicalDevice), _requested, _vsync, CanBlitTo);
        var old = _swapchain;
        _swapchain = settings is { } chosen ? new Swapchain(_gpu, _functions, _surface, chosen, old) : null;
        old?.Dispose();
        if (_swapchain is not null && !Same(_swapchain.Extent, _canvas.Extent))
            _canvas.Resize(_swapchain.Extent);
    }

    private bool CanBlitTo(Format format)
    {
        _gpu.Vk.GetPhysicalDeviceFormatProperties(_gpu.PhysicalDevice, format, out var destination);
        _gpu.Vk.GetPhysicalDeviceFormatProperties(_gpu.PhysicalDevice, StorageImage.PixelFormat, out var source);
        return destination.OptimalTilingFeatures.HasFlag(FormatFeatureFlags.BlitDstBit)
            && source.OptimalTilingFeatures.HasFlag(FormatFeatureFlags.BlitSrcBit);
    }

    private static bool Same(Extent2D a, Extent2D b) => a.Width == b.Width && a.Height == b.Height;

    /// <summary>Reverse order of creation, once the device is idle; safe to call twice.</summary>
    public void Dispose()
    {
        _gpu.WaitIdle();
        _swapchain?.Dispose();
        _swapchain = null;
        _indicator?.Dispose();
        _imageAvailable?.Dispose();
        _canvas.Dispose();
    }
}
