using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Targets;

/// <summary>
/// A copy of a target's content at one point of a frame, kept for later frames: content that rarely changes is drawn
/// once, captured, and then restored with one image copy per frame instead of being drawn again. Owns its image, which
/// follows the target's size.
/// </summary>
public sealed unsafe class CachedLayer(GpuContext gpu, FrameRing frames) : IDisposable
{
    private StorageImage? _image;

    /// <summary>Whether a capture exists at this size.</summary>
    public bool HoldsSize(Extent2D extent) => _image is { } image && image.Extent.Width == extent.Width && image.Extent.Height == extent.Height;

    /// <summary>Records a copy of the target's current content into the layer (re-created first if the size changed).</summary>
    public void RecordCapture(FrameSlot slot, IRenderTarget target)
    {
        var vk = gpu.Vk;
        var cmd = slot.Commands;
        if (!HoldsSize(target.Extent))
        {
            // Frames in flight may still restore from the old image.
            frames.WaitAll();
            _image?.Dispose();
            _image = new StorageImage(gpu, target.Extent);
            var toGeneral = Init.ImageLayout(_image.Handle, ImageLayout.Undefined, ImageLayout.General, 0, AccessFlags.TransferWriteBit);
            vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TopOfPipeBit, PipelineStageFlags.TransferBit, 0, 0, null, 0, null, 1, &toGeneral);
        }
        // The target's drawing lands before the copy reads it; earlier frames' restores finish before it is overwritten.
        Barriers.ComputeThenTransfer(vk, cmd);
        Copy(target.Image, _image!.Handle, target.Extent, cmd);
    }

    /// <summary>Records a copy of the captured content into the whole target; <see cref="HoldsSize"/> must be true.</summary>
    public void RecordRestore(FrameSlot slot, IRenderTarget target)
    {
        if (!HoldsSize(target.Extent))
            throw new InvalidOperationException("nothing captured at this target's size");
        // An earlier frame's capture lands before this copy reads it.
        Barriers.ComputeThenTransfer(gpu.Vk, slot.Commands);
        Copy(_image!.Handle, target.Image, target.Extent, slot.Commands);
    }

    private void Copy(Image source, Image destination, Extent2D extent, CommandBuffer cmd)
    {
        var region = new ImageCopy(Init.ColorLayers, default, Init.ColorLayers, default, new Extent3D(extent.Width, extent.Height, 1));
        gpu.Vk.CmdCopyImage(cmd, source, ImageLayout.General, destination, ImageLayout.General, 1, &region);
    }

    public void Dispose()
    {
        if (_image is null)
            return;
        frames.WaitAll();
        _image.Dispose();
        _image = null;
    }
}
