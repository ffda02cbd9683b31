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

    public SurfaceFormatKHR[] Formats(PhysicalDevice device) =>
        Enumerate<SurfaceFormatKHR>((count, formats) => _functions.GetFormats(device, Handle, count, formats));

    public PresentModeKHR[] PresentModes(PhysicalDevice device) =>
        Enumerate<PresentModeKHR>((count, modes) => _functions.GetPresentModes(device, Handle, count, modes));

    private delegate Result Enumeration<T>(uint* count, T* items) where T : unmanaged;

    /// <summary>Vulkan's two-call enumeration: the count, then the items.</summary>
    private static T[] Enumerate<T>(Enumeration<T> call) where T : unmanaged
    {
        uint count = 0;
        Check(call(&count, null));
        var items = new T[count];
        fixed (T* pointer = items)
            Check(call(&count, pointer));
        return items[..(int)count];
    }

    public void Dispose()
    {
        if (Handle.Handle == 0)
            return;
        _functions.Destroy(_instance, Handle, null);
        Handle = default;
    }
}
