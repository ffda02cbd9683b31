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

    /// <summary>
    /// Records a copy of the target's current content (compute-written, layout General) into the layer, re-created
    /// first if the size changed. The target is back in General afterwards; the layer rests in TransferSrcOptimal.
    /// </summary>
    public void RecordCapture(FrameSlot slot, IRenderTarget target)
    {
        var layerFrom = ImageLayout.TransferSrcOptimal;
        if (!HoldsSize(target.Extent))
        {
            // Frames in flight may still restore from the old image.
            frames.WaitAll();
            _image?.Dispose();
            _image = new StorageImage(gpu, target.Extent);
            layerFrom = ImageLayout.Undefined;
        }
        var layer = _image!.Handle;
        // The target's drawing lands before the copy reads it; earlier frames' restores finish before the layer is overwritten.
        Transition(slot,
            Init.ImageLayout(target.Image, ImageLayout.General, ImageLayout.TransferSrcOptimal, AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit, AccessFlags.TransferReadBit),
            Init.ImageLayout(layer, layerFrom, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit));
        Copy(slot, target.Image, layer, target.Extent);
        // Later drawing into the target waits for the copy's read; later restores see the layer's new content.
        Transition(slot,
            Init.ImageLayout(target.Image, ImageLayout.TransferSrcOptimal, ImageLayout.General, 0, AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit),
            Init.ImageLayout(layer, ImageLayout.TransferDstOptimal, ImageLayout.TransferSrcOptimal, AccessFlags.TransferWriteBit, AccessFlags.TransferReadBit));
    }

    /// <summary>
    /// Records a copy of the captured content over the whole target (layout General before and after); <see
    /// cref="HoldsSize"/> must be true.
    /// </summary>
    public void RecordRestore(FrameSlot slot, IRenderTarget target)
    {
        if (!HoldsSize(target.Extent))
            throw new InvalidOperationException("nothing captured at this target's size");
        // The target's earlier content is replaced whole, so only the order matters before the copy.
        Transition(slot, Init.ImageLayout(target.Image, ImageLayout.General, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit));
        Copy(slot, _image!.Handle, target.Image, target.Extent);
        // The copy's writes land before the compute passes draw over them.
        Transition(slot, Init.ImageLayout(target.Image, ImageLayout.TransferDstOptimal, ImageLayout.General, AccessFlags.TransferWriteBit, AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit));
    }

    private void Transition(FrameSlot slot, params ReadOnlySpan<ImageMemoryBarrier> barriers)
    {
        fixed (ImageMemoryBarrier* pBarriers = barriers)
            gpu.Vk.CmdPipelineBarrier(slot.Commands, PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit,
                PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit, 0, 0, null, 0, null, (uint)barriers.Length, pBarriers);
    }

    private void Copy(FrameSlot slot, Image source, Image destination, Extent2D extent)
    {
        var region = new ImageCopy(Init.ColorLayers, default, Init.ColorLayers, default, new Extent3D(extent.Width, extent.Height, 1));
        gpu.Vk.CmdCopyImage(slot.Commands, source, ImageLayout.TransferSrcOptimal, destination, ImageLayout.TransferDstOptimal, 1, &region);
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
