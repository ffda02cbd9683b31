using Silk.NET.Vulkan;

namespace LvaeLive.Render.Vulkan;

/// <summary>Loads the Vulkan loader library, turning its absence into a message that names the package to install.</summary>
internal static class VulkanLoader
{
    public static unsafe Vk Load()
    {
        try
        {
            var vk = Vk.GetApi();
            uint version = 0;
            // The first real call proves the library and its entry points resolved.
            VulkanCheck.Check(vk.EnumerateInstanceVersion(&version));
            return vk;
        }
        catch (Exception e) when (e is DllNotFoundException or FileNotFoundException or EntryPointNotFoundException)
        {
            throw new PlatformNotSupportedException(
                $"the Vulkan loader (libvulkan.so.1) could not be loaded: install the Debian package libvulkan1 ({e.GetType().Name})", e);
        }
    }
}
