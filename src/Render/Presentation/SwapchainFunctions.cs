using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// The VK_KHR_swapchain functions, loaded through vkGetDeviceProcAddr (the Silk.NET KHR extension package is not used),
/// so calls go straight to the driver. Valid while the device lives.
/// </summary>
internal sealed unsafe class SwapchainFunctions
{
    public const string ExtensionName = "VK_KHR_swapchain";

    public readonly delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result> Create;
    public readonly delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void> Destroy;
    public readonly delegate* unmanaged<Device, SwapchainKHR, uint*, Image*, Result> GetImages;
    public readonly delegate* unmanaged<Device, SwapchainKHR, ulong, Semaphore, Fence, uint*, Result> AcquireNextImage;
    public readonly delegate* unmanaged<Queue, PresentInfoKHR*, Result> QueuePresent;

    public SwapchainFunctions(Vk vk, Device device)
    {
        Create = (delegate* unmanaged<Device, SwapchainCreateInfoKHR*, AllocationCallbacks*, SwapchainKHR*, Result>)Load(vk, device, "vkCreateSwapchainKHR");
        Destroy = (delegate* unmanaged<Device, SwapchainKHR, AllocationCallbacks*, void>)Load(vk, device, "vkDestroySwapchainKHR");
        GetImages = (delegate* unmanaged<Device, SwapchainKHR, uint*, Image*, Result>)Load(vk, device, "vkGetSwapchainImagesKHR");
        AcquireNextImage = (delegate* unmanaged<Device, SwapchainKHR, ulong, Semaphore, Fence, uint*, Result>)Load(vk, device, "vkAcquireNextImageKHR");
        QueuePresent = (delegate* unmanaged<Queue, PresentInfoKHR*, Result>)Load(vk, device, "vkQueuePresentKHR");
    }

    private static void* Load(Vk vk, Device device, string name)
    {
        var pointer = (void*)vk.GetDeviceProcAddr(device, name).Handle;
        return pointer != null
            ? pointer
            : throw new PlatformNotSupportedException($"the Vulkan driver has no {name}: was {ExtensionName} enabled on the device?");
    }
}
