using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Presentation;

/// <summary>Records a same-size rectangle transfer from a TransferSrcOptimal image to a TransferDstOptimal one, by copy or blit.</summary>
internal static unsafe class ImageTransfer
{
    public static void Record(Vk vk, CommandBuffer cmd, PresentTransfer transfer, Image source, Image destination, Extent2D size, Offset2D at)
    {
        if (transfer == PresentTransfer.Copy)
        {
            var region = new ImageCopy(srcSubresource: Init.ColorLayers, srcOffset: default, dstSubresource: Init.ColorLayers,
                dstOffset: new Offset3D(at.X, at.Y, 0), extent: new Extent3D(size.Width, size.Height, 1));
            vk.CmdCopyImage(cmd, source, ImageLayout.TransferSrcOptimal, destination, ImageLayout.TransferDstOptimal, 1, &region);
            return;
        }
        var blit = new ImageBlit { SrcSubresource = Init.ColorLayers, DstSubresource = Init.ColorLayers };
        blit.SrcOffsets[0] = default;
        blit.SrcOffsets[1] = new Offset3D((int)size.Width, (int)size.Height, 1);
        blit.DstOffsets[0] = new Offset3D(at.X, at.Y, 0);
        blit.DstOffsets[1] = new Offset3D(at.X + (int)size.Width, at.Y + (int)size.Height, 1);
        // Same size on both sides: nearest filtering only converts the format (RGBA to BGRA), it never resamples.
        vk.CmdBlitImage(cmd, source, ImageLayout.TransferSrcOptimal, destination, ImageLayout.TransferDstOptimal, 1, &blit, Filter.Nearest);
    }
}
