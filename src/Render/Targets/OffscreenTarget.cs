using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Targets;

/// <summary>
/// A canvas-sized storage image plus one read-back buffer per frame in flight, so that the host can read frame n while
/// the GPU draws frame n + 1. A frame is copied only when <see cref="ReadBack"/> asks for it, and a read is refused
/// unless the slot's buffer holds that slot's latest frame (<see cref="ReadBackLedger"/>). Owns the image and the
/// buffers; <see cref="Resize"/> re-creates them.
/// </summary>
public sealed unsafe class OffscreenTarget : IRenderTarget, IDisposable
{
    private readonly GpuContext _gpu;
    private readonly FrameRing _frames;
    private StorageImage _image;
    private GpuBuffer[] _readback;
    private readonly ReadBackLedger _ledger = new(FrameRing.FramesInFlight);

    public OffscreenTarget(GpuContext gpu, FrameRing frames, Extent2D extent)
    {
        _gpu = gpu;
        _frames = frames;
        (_image, _readback) = Create(extent);
    }

    public Extent2D Extent => _image.Extent;
    public Image Image => _image.Handle;
    public ImageView View => _image.View;

    /// <summary>Whether the frames recorded from now on are copied into their slot's read-back buffer (by <see cref="RecordEnd"/>).</summary>
    public bool ReadBack { get; set; }

    /// <summary>Re-creates the image and buffers at a new size once no frame in flight uses the old ones.</summary>
    public void Resize(Extent2D extent)
    {
        _frames.WaitAll();
        DisposeResources();
        _ledger.Clear();
        (_image, _readback) = Create(extent);
    }

    public void RecordBegin(FrameSlot slot)
    {
        // Earlier frames' copies and shader reads of this image finish before it is cleared; its old content is discarded.
        var barrier = Init.ImageLayout(_image.Handle, ImageLayout.Undefined, ImageLayout.General, 0, AccessFlags.TransferWriteBit);
        _gpu.Vk.CmdPipelineBarrier(slot.Commands, PipelineStageFlags.TransferBit | PipelineStageFlags.ComputeShaderBit, PipelineStageFlags.TransferBit,
            0, 0, null, 0, null, 1, &barrier);
    }

    public void RecordEnd(FrameSlot slot)
    {
        RecordCopySource(slot);
        if (ReadBack)
            RecordReadBack(slot);
    }

    /// <summary>Records the end of drawing: the image becomes a transfer source (layout TransferSrcOptimal) until the next <see cref="RecordBegin"/>.</summary>
    public void RecordCopySource(FrameSlot slot)
    {
        // Compute writes to the image land before transfers read it, in the layout copies read fastest.
        var toCopy = Init.ImageLayout(_image.Handle, ImageLayout.General, ImageLayout.TransferSrcOptimal, AccessFlags.ShaderWriteBit, AccessFlags.TransferReadBit);
        _gpu.Vk.CmdPipelineBarrier(slot.Commands, PipelineStageFlags.ComputeShaderBit, PipelineStageFlags.TransferBit, 0, 0, null, 0, null, 1, &toCopy);
    }

    /// <summary>Records the copy of the image (after <see cref="RecordCopySource"/>) into the slot's read-back buffer.</summary>
    public void RecordReadBack(FrameSlot slot)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var region = new BufferImageCopy(bufferOffset: 0, bufferRowLength: 0, bufferImageHeight: 0, imageSubresource: Init.ColorLayers,
            imageOffset: default, imageExtent: new Extent3D(Extent.Width, Extent.Height, 1));
        vk.CmdCopyImageToBuffer(cmd, _image.Handle, ImageLayout.TransferSrcOptimal, _readback[slot.Index].Handle, 1, &region);
        // The copy's writes become visible to host reads after the fence.
        var toHost = Init.Memory(AccessFlags.TransferWriteBit, AccessFlags.HostReadBit);
        vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.HostBit, 0, 1, &toHost, 0, null, 0, null);
        _ledger.Copied(slot.Index, slot.Frame);
    }

    /// <summary>Waits for the slot's latest frame and copies its pixels (RGBA8, rows top to bottom, no padding) to <paramref name="rgba"/>.</summary>
    /// <exception cref="InvalidOperationException">That frame was recorded without <see cref="ReadBack"/>, or the buffers were re-created since.</exception>
    public void ReadPixels(FrameSlot slot, Span<byte> rgba)
    {
        if (!TryReadPixels(slot, rgba))
            throw new InvalidOperationException($"frame {slot.Frame} was not read back, or its read-back buffer was re-created (resized) since");
    }

    /// <summary>As <see cref="ReadPixels"/>, but false, with <paramref name="rgba"/> untouched, when the slot's buffer does not hold its latest frame.</summary>
    public bool TryReadPixels(FrameSlot slot, Span<byte> rgba)
    {
        // First: after a resize, the caller's buffer fits the old size, and the answer is false, not a wrong size.
        if (!_ledger.Holds(slot.Index, slot.Frame))
            return false;
        var bytes = ByteCount(Extent);
        if (rgba.Length != bytes)
            throw new ArgumentException($"read-back needs {bytes} bytes for {Extent.Width}x{Extent.Height}, got {rgba.Length}");
        slot.WaitUntilDone();
        var buffer = _readback[slot.Index];
        buffer.InvalidateForHostRead();
        buffer.Mapped[..bytes].CopyTo(rgba);
        return true;
    }

    public static int ByteCount(Extent2D extent) => checked((int)(extent.Width * extent.Height * 4));

    private (StorageImage, GpuBuffer[]) Create(Extent2D extent)
    {
        var image = new StorageImage(_gpu, extent);
        var buffers = new GpuBuffer[FrameRing.FramesInFlight];
        for (var index = 0; index < buffers.Length; index++)
            buffers[index] = new GpuBuffer(_gpu, (ulong)ByteCount(extent), BufferUsageFlags.TransferDstBit, BufferKind.Readback);
        return (image, buffers);
    }

    private void DisposeResources()
    {
        for (var index = _readback.Length - 1; index >= 0; index--)
            _readback[index].Dispose();
        _image.Dispose();
    }

    public void Dispose()
    {
        _frames.WaitAll();
        DisposeResources();
    }
}
