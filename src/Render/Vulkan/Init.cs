using Silk.NET.Vulkan;

namespace LvaeLive.Render.Vulkan;

/// <summary>One-line initialisers that return Vulkan structs with their SType (and the usual defaults) set.</summary>
internal static unsafe class Init
{
    public static ImageSubresourceRange ColorRange => new(ImageAspectFlags.ColorBit, 0, 1, 0, 1);

    public static ImageSubresourceLayers ColorLayers => new(ImageAspectFlags.ColorBit, 0, 0, 1);

    public static CommandBufferBeginInfo OneTimeBegin() =>
        new(sType: StructureType.CommandBufferBeginInfo, flags: CommandBufferUsageFlags.OneTimeSubmitBit);

    public static FenceCreateInfo Fence(bool signalled) =>
        new(sType: StructureType.FenceCreateInfo, flags: signalled ? FenceCreateFlags.SignaledBit : 0);

    public static MemoryBarrier Memory(AccessFlags source, AccessFlags destination) =>
        new(sType: StructureType.MemoryBarrier, srcAccessMask: source, dstAccessMask: destination);

    public static ImageMemoryBarrier ImageLayout(Image image, ImageLayout from, ImageLayout to, AccessFlags source, AccessFlags destination) =>
        new(sType: StructureType.ImageMemoryBarrier, srcAccessMask: source, dstAccessMask: destination, oldLayout: from, newLayout: to,
            srcQueueFamilyIndex: Vk.QueueFamilyIgnored, dstQueueFamilyIndex: Vk.QueueFamilyIgnored, image: image, subresourceRange: ColorRange);
}
