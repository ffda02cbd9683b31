using Silk.NET.Core.Native;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Gpu;

/// <summary>A physical device and the queue family the canvas submits to.</summary>
internal readonly record struct DeviceChoice(PhysicalDevice Device, uint QueueFamily, string Name, PhysicalDeviceType Type);

/// <summary>Picks a device: a discrete GPU when present, then integrated, virtual, and CPU ones (lavapipe) last.</summary>
internal static unsafe class DeviceSelection
{
    public const string DriverHint =
        "install a Vulkan driver (the Debian package mesa-vulkan-drivers provides lavapipe, which runs on the CPU) and check that VK_ICD_FILENAMES / VK_DRIVER_FILES, if set, name an existing driver manifest";

    public static DeviceChoice Choose(Vk vk, Instance instance, GpuOptions options)
    {
        uint count = 0;
        Check(vk.EnumeratePhysicalDevices(instance, &count, null));
        if (count == 0)
            throw new PlatformNotSupportedException($"no Vulkan device found: {DriverHint}");
        var devices = new PhysicalDevice[count];
        fixed (PhysicalDevice* pointer = devices)
            Check(vk.EnumeratePhysicalDevices(instance, &count, pointer));

        var candidates = new List<DeviceChoice>();
        foreach (var device in devices)
        {
            if (!HasExtensions(vk, device, options.DeviceExtensions) || FindQueueFamily(vk, instance, device, options) is not { } family)
                continue;
            vk.GetPhysicalDeviceProperties(device, out var properties);
            candidates.Add(new DeviceChoice(device, family, SilkMarshal.PtrToString((nint)properties.DeviceName) ?? "unnamed device", properties.DeviceType));
        }
        if (candidates.Count == 0)
            throw new PlatformNotSupportedException(
                $"none of the {count} Vulkan device(s) offers a compute queue{(options.DeviceExtensions.Count > 0 ? " and " + string.Join(", ", options.DeviceExtensions) : "")}: {DriverHint}");
        return candidates.MaxBy(choice => Preference(choice.Type));
    }

    private static int Preference(PhysicalDeviceType type) => type switch
    {
        PhysicalDeviceType.DiscreteGpu => 4,
        PhysicalDeviceType.IntegratedGpu => 3,
        PhysicalDeviceType.VirtualGpu => 2,
        PhysicalDeviceType.Cpu => 1,
        _ => 0,
    };

    public static QueueFamilyProperties[] QueueFamilies(Vk vk, PhysicalDevice device)
    {
        uint count = 0;
        vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, null);
        var families = new QueueFamilyProperties[count];
        fixed (QueueFamilyProperties* pointer = families)
            vk.GetPhysicalDeviceQueueFamilyProperties(device, &count, pointer);
        return families;
    }

    private static uint? FindQueueFamily(Vk vk, Instance instance, PhysicalDevice device, GpuOptions options)
    {
        var families = QueueFamilies(vk, device);
        for (uint index = 0; index < families.Length; index++)
        {
            // Compute for the canvas, transfer for read-back (implied by compute), timestamps for the bench.
            var family = families[index];
            if (family.QueueFlags.HasFlag(QueueFlags.ComputeBit) && (options.QueueFamilyFilter?.Invoke(instance, device, index) ?? true))
                return index;
        }
        return null;
    }

    internal static bool HasExtensions(Vk vk, PhysicalDevice device, IReadOnlyList<string> required)
    {
        if (required.Count == 0)
            return true;
        uint count = 0;
        Check(vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, null));
        var properties = new ExtensionProperties[count];
        fixed (ExtensionProperties* pointer = properties)
            Check(vk.EnumerateDeviceExtensionProperties(device, (byte*)null, &count, pointer));
        var names = properties.Select(p => SilkMarshal.PtrToString((nint)p.ExtensionName)).ToHashSet();
        return required.All(names.Contains);
    }
}
