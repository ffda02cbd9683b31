using Silk.NET.Vulkan;

namespace LvaeLive.Render.Gpu;

/// <summary>
/// What a <see cref="GpuContext"/> must provide. A presentation target (GLFW window + swapchain) adds its instance
/// extensions (VK_KHR_surface and the platform one), VK_KHR_swapchain, its surface as an instance child, and a filter
/// that keeps only queue families that can present to that surface.
/// </summary>
public sealed record GpuOptions
{
    /// <summary>Set to 1 to turn validation on in any build (the window tests do, on the Release build).</summary>
    public const string ValidationVariable = "LVAE_VULKAN_VALIDATION";

    /// <summary>Khronos validation and a debug messenger: on in debug builds, in tests, and with LVAE_VULKAN_VALIDATION=1.</summary>
    public bool EnableValidation { get; init; } =
#if DEBUG
        true;
#else
        Environment.GetEnvironmentVariable(ValidationVariable) == "1";
#endif

    /// <summary>Receives every validation warning and error; by default they go to stderr.</summary>
    public Action<ValidationMessage> OnValidationMessage { get; init; } = message => Console.Error.WriteLine($"vulkan: {message}");

    public IReadOnlyList<string> InstanceExtensions { get; init; } = [];

    public IReadOnlyList<string> DeviceExtensions { get; init; } = [];

    /// <summary>Keeps a (device, queue family) pair only when it also passes this test, e.g. surface present support.</summary>
    public Func<Instance, PhysicalDevice, uint, bool>? QueueFamilyFilter { get; init; }

    /// <summary>
    /// Made from the instance before device selection (a window surface, which <see cref="QueueFamilyFilter"/> asks
    /// about); the context owns it and disposes it after the device and before the instance, on every path.
    /// </summary>
    public Func<Vk, Instance, IDisposable>? CreateInstanceChild { get; init; }
}
