using Silk.NET.Vulkan;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// The VK_KHR_surface functions, loaded through vkGetInstanceProcAddr (the Silk.NET KHR extension package is not used).
/// Valid while the instance lives.
/// </summary>
internal sealed unsafe class SurfaceFunctions
{
    public const string ExtensionName = "VK_KHR_surface";

    public readonly delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, uint*, Result> GetSupport;
    public readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result> GetCapabilities;
    public readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result> GetFormats;
    public readonly delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result> GetPresentModes;
    public readonly delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void> Destroy;

    public SurfaceFunctions(Vk vk, Instance instance)
    {
        GetSupport = (delegate* unmanaged<PhysicalDevice, uint, SurfaceKHR, uint*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceSupportKHR");
        GetCapabilities = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, SurfaceCapabilitiesKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceCapabilitiesKHR");
        GetFormats = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, SurfaceFormatKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfaceFormatsKHR");
        GetPresentModes = (delegate* unmanaged<PhysicalDevice, SurfaceKHR, uint*, PresentModeKHR*, Result>)Load(vk, instance, "vkGetPhysicalDeviceSurfacePresentModesKHR");
        Destroy = (delegate* unmanaged<Instance, SurfaceKHR, AllocationCallbacks*, void>)Load(vk, instance, "vkDestroySurfaceKHR");
    }

    private static void* Load(Vk vk, Instance instance, string name)
    {
        var pointer = (void*)vk.GetInstanceProcAddr(instance, name).Handle;
        return pointer != null
            ? pointer
            : throw new PlatformNotSupportedException($"the Vulkan loader has no {name}: was {ExtensionName} enabled on the instance?");
    }
}
