using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// A small red square, made once, that is transferred into the top-right corner of the swapchain image while
/// recording: it reaches the window only, never the canvas image that recordings read back. Owns its image, which
/// stays in TransferSrcOptimal.
/// </summary>
public sealed unsafe class RecordingIndicator : IDisposable
{
    public const int Side = 16;
    public const int Margin = 12;

    private readonly StorageImage _image;

    internal RecordingIndicator(GpuContext gpu)
    {
        _image = new StorageImage(gpu, new Extent2D(Side, Side));
        try
        {
            gpu.SubmitAndWait(cmd => Fill(gpu.Vk, cmd, _image.Handle));
        }
        catch
        {
            _image.Dispose();
            throw;
        }
    }

    public Image Image => _image.Handle;

    public static Extent2D Size => new(Side, Side);

    /// <summary>Where the square goes in an image of <paramref name="extent"/>, or null when the image is too small to hold it.</summary>
    public static Offset2D? Placement(Extent2D extent) =>
        extent.Width >= Side + 2 * Margin && extent.Height >= Side + 2 * Margin
            ? new Offset2D((int)extent.Width - Margin - Side, Margin)
            : null;

    private static void Fill(Vk vk, CommandBuffer cmd, Image image)
    {
        // Nothing came before: the new image only needs the layout that clears write.
        var toClear = Init.ImageLayout(image, ImageLayout.Undefined, ImageLayout.TransferDstOptimal, 0, AccessFlags.TransferWriteBit);
        vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TopOfPipeBit, PipelineStageFlags.TransferBit, 0, 0, null, 0, null, 1, &toClear);
        var red = new ClearColorValue(1f, 0f, 0f, 1f);
        var range = Init.ColorRange;
        vk.CmdClearColorImage(cmd, image, ImageLayout.TransferDstOptimal, &red, 1, &range);
        // The clear lands before any later frame's transfer reads the square.
        var toSource = Init.ImageLayout(image, ImageLayout.TransferDstOptimal, ImageLayout.TransferSrcOptimal, AccessFlags.TransferWriteBit, AccessFlags.TransferReadBit);
        vk.CmdPipelineBarrier(cmd, PipelineStageFlags.TransferBit, PipelineStageFlags.TransferBit, 0, 0, null, 0, null, 1, &toSource);
    }

    public void Dispose() => _image.Dispose();
}
