using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// A window's VkSurfaceKHR, made by the window system's factory (GLFW) from the instance, and what the device can do
/// with it. Owns the surface: destroyed once, before the instance (the GpuContext disposes it as its instance child).
/// </summary>
internal sealed unsafe class WindowSurface : IDisposable
{
    private readonly Instance _instance;
    private readonly SurfaceFunctions _functions;

    public SurfaceKHR Handle { get; private set; }

    /// <param name="createSurface">Makes a VkSurfaceKHR (returned as its handle) from a VkInstance (passed as its handle).</param>
    public WindowSurface(Vk vk, Instance instance, Func<nint, ulong> createSurface)
    {
        _instance = instance;
        _functions = new SurfaceFunctions(vk, instance);
        var handle = createSurface(instance.Handle);
        Handle = handle != 0 ? new SurfaceKHR(handle) : throw new InvalidOperationException("the window system returned no Vulkan surface");
    }

    public bool CanPresent(PhysicalDevice device, uint queueFamily)
    {
        uint supported;
        Check(_functions.GetSupport(device, queueFamily, Handle, &supported));
        return supported == Vk.True;
    }

    public SurfaceCapabilitiesKHR Capabilities(PhysicalDevice device)
    {
        SurfaceCapabilitiesKHR capabilities;
        Check(_functions.GetCapabilities(device, Handle, &capabilities));
        return capabilities;
    }

    public SurfaceFormatKHR[] Formats(PhysicalDevice device)
    {
        uint count = 0;
        Check(_functions.GetFormats(device, Handle, &count, null));
        var formats = new SurfaceFormatKHR[count];
        fixed (SurfaceFormatKHR* pointer = formats)
            Check(_functions.GetFormats(device, Handle, &count, pointer));
        return formats[..(int)count];
    }

    public PresentModeKHR[] PresentModes(PhysicalDevice device)
    {
        uint count = 0;
        Check(_functions.GetPresentModes(device, Handle, &count, null));
        var modes = new PresentModeKHR[count];
        fixed (PresentModeKHR* pointer = modes)
            Check(_functions.GetPresentModes(device, Handle, &count, pointer));
        return modes[..(int)count];
    }

    public void Dispose()
    {
        if (Handle.Handle == 0)
            return;
        _functions.Destroy(_instance, Handle, null);
        Handle = default;
    }
}
