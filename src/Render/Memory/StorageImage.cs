using LvaeLive.Render.Gpu;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Memory;

/// <summary>One RGBA8 image that compute shaders write (storage) and transfers clear and copy, with its memory and view.</summary>
public sealed unsafe class StorageImage : IDisposable
{
    public const Format PixelFormat = Format.R8G8B8A8Unorm;

    private readonly GpuContext _gpu;
    private DeviceMemory _memory;

    public Image Handle { get; private set; }
    public ImageView View { get; private set; }
    public Extent2D Extent { get; }

    public StorageImage(GpuContext gpu, Extent2D extent)
    {
        _gpu = gpu;
        Extent = extent;
        var vk = gpu.Vk;
        var info = new ImageCreateInfo(sType: StructureType.ImageCreateInfo, imageType: ImageType.Type2D, format: PixelFormat,
            extent: new Extent3D(extent.Width, extent.Height, 1), mipLevels: 1, arrayLayers: 1, samples: SampleCountFlags.Count1Bit,
            tiling: ImageTiling.Optimal, usage: ImageUsageFlags.StorageBit | ImageUsageFlags.TransferSrcBit | ImageUsageFlags.TransferDstBit,
            sharingMode: SharingMode.Exclusive, initialLayout: ImageLayout.Undefined);
        Image image;
        Check(vk.CreateImage(gpu.Device, &info, null, &image));
        Handle = image;
        try
        {
            vk.GetImageMemoryRequirements(gpu.Device, image, out var requirements);
            var allocate = new MemoryAllocateInfo(sType: StructureType.MemoryAllocateInfo, allocationSize: requirements.Size,
                memoryTypeIndex: gpu.FindMemoryType(requirements.MemoryTypeBits, MemoryPropertyFlags.None, MemoryPropertyFlags.DeviceLocalBit));
            DeviceMemory memory;
            Check(vk.AllocateMemory(gpu.Device, &allocate, null, &memory));
            _memory = memory;
            Check(vk.BindImageMemory(gpu.Device, image, memory, 0));
            var viewInfo = new ImageViewCreateInfo(sType: StructureType.ImageViewCreateInfo, image: image, viewType: ImageViewType.Type2D,
                format: PixelFormat, subresourceRange: Init.ColorRange);
            ImageView view;
            Check(vk.CreateImageView(gpu.Device, &viewInfo, null, &view));
            View = view;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var vk = _gpu.Vk;
        if (View.Handle != 0)
            vk.DestroyImageView(_gpu.Device, View, null);
        if (Handle.Handle != 0)
            vk.DestroyImage(_gpu.Device, Handle, null);
        if (_memory.Handle != 0)
            vk.FreeMemory(_gpu.Device, _memory, null);
        View = default;
        Handle = default;
        _memory = default;
    }
}
