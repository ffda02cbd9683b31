using System.Runtime.InteropServices;
using LvaeLive.Render.Vulkan;
using Silk.NET.Core.Native;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Gpu;

/// <summary>
/// The Vulkan instance, the chosen device and its queue. Owns them (and the debug messenger); everything created on the
/// device is owned elsewhere and must be disposed before this.
/// </summary>
public sealed unsafe class GpuContext : IDisposable
{
    public const string ValidationLayer = "VK_LAYER_KHRONOS_validation";
    private static readonly TimeSpan GpuTimeout = TimeSpan.FromSeconds(20);

    private readonly DebugMessenger? _messenger;
    private readonly CommandPool _oneShotPool;
    private readonly IDisposable? _instanceChild;
    private bool _disposed;

    public Vk Vk { get; }
    public Instance Instance { get; }
    public PhysicalDevice PhysicalDevice { get; }
    public Device Device { get; }
    public Queue Queue { get; }
    public uint QueueFamily { get; }
    public string DeviceName { get; }
    public PhysicalDeviceType DeviceType { get; }
    public PhysicalDeviceLimits Limits { get; }

    /// <summary>
    /// Whether shaders may use 64-bit atomics on storage buffers (VK_KHR_shader_atomic_int64 with shaderInt64): enabled
    /// whenever the device offers them, and the map splat then adds two channels per atomic.
    /// </summary>
    public bool BufferInt64Atomics { get; }

    /// <summary>Nanoseconds per timestamp tick, or null when this queue cannot write timestamps.</summary>
    public double? TimestampPeriodNs { get; }

    private GpuContext(GpuOptions options)
    {
        Vk = VulkanLoader.Load();
        if (options.EnableValidation)
            _messenger = new DebugMessenger(Vk, options.OnValidationMessage);
        Instance = CreateInstance(Vk, options, _messenger);
        try
        {
            _messenger?.Attach(Instance);
            _instanceChild = options.CreateInstanceChild?.Invoke(Vk, Instance);
            var choice = DeviceSelection.Choose(Vk, Instance, options);
            PhysicalDevice = choice.Device;
            QueueFamily = choice.QueueFamily;
            DeviceName = choice.Name;
            DeviceType = choice.Type;
            Vk.GetPhysicalDeviceProperties(PhysicalDevice, out var properties);
            Limits = properties.Limits;
            TimestampPeriodNs = TimestampPeriod(Vk, PhysicalDevice, QueueFamily, properties.Limits);
            BufferInt64Atomics = OffersBufferInt64Atomics(Vk, PhysicalDevice);
            Device = CreateDevice(Vk, PhysicalDevice, QueueFamily, options, BufferInt64Atomics);
            Vk.GetDeviceQueue(Device, QueueFamily, 0, out var queue);
            Queue = queue;
            var poolInfo = new CommandPoolCreateInfo(sType: StructureType.CommandPoolCreateInfo, flags: CommandPoolCreateFlags.TransientBit, queueFamilyIndex: QueueFamily);
            CommandPool pool;
            Check(Vk.CreateCommandPool(Device, &poolInfo, null, &pool));
            _oneShotPool = pool;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static GpuContext Create(GpuOptions? options = null) => new(options ?? new GpuOptions());

    public override string ToString() => $"{DeviceName} ({DeviceType})";

    /// <summary>Records commands into a throw-away command buffer, submits them and waits: for uploads at start-up, never per frame.</summary>
    public void SubmitAndWait(Action<CommandBuffer> record)
    {
        var allocate = new CommandBufferAllocateInfo(sType: StructureType.CommandBufferAllocateInfo, commandPool: _oneShotPool,
            level: CommandBufferLevel.Primary, commandBufferCount: 1);
        CommandBuffer cmd;
        Check(Vk.AllocateCommandBuffers(Device, &allocate, &cmd));
        var fenceInfo = Init.Fence(signalled: false);
        Fence fence;
        Check(Vk.CreateFence(Device, &fenceInfo, null, &fence));
        try
        {
            var begin = Init.OneTimeBegin();
            Check(Vk.BeginCommandBuffer(cmd, &begin));
            record(cmd);
            Check(Vk.EndCommandBuffer(cmd));
            var submit = new SubmitInfo(sType: StructureType.SubmitInfo, commandBufferCount: 1, pCommandBuffers: &cmd);
            Check(Vk.QueueSubmit(Queue, 1, &submit, fence));
            WaitForFence(fence);
        }
        finally
        {
            Vk.DestroyFence(Device, fence, null);
            Vk.FreeCommandBuffers(Device, _oneShotPool, 1, &cmd);
        }
    }

    /// <summary>A bounded wait: a GPU that hangs becomes an exception, never a frozen program.</summary>
    public void WaitForFence(Fence fence)
    {
        var result = Vk.WaitForFences(Device, 1, &fence, true, (ulong)GpuTimeout.TotalNanoseconds);
        if (result == Result.Timeout)
            throw new TimeoutException($"the GPU ({DeviceName}) did not finish its work within {GpuTimeout.TotalSeconds:0} s");
        Check(result);
    }

    public void WaitIdle() => Check(Vk.DeviceWaitIdle(Device));

    public uint FindMemoryType(uint allowedTypes, MemoryPropertyFlags required, MemoryPropertyFlags preferred)
    {
        Vk.GetPhysicalDeviceMemoryProperties(PhysicalDevice, out var memory);
        uint? fallback = null;
        for (var index = 0; index < memory.MemoryTypeCount; index++)
        {
            var flags = memory.MemoryTypes[index].PropertyFlags;
            if ((allowedTypes & (1u << index)) == 0 || (flags & required) != required)
                continue;
            if ((flags & preferred) == preferred)
                return (uint)index;
            fallback ??= (uint)index;
        }
        return fallback ?? throw new PlatformNotSupportedException($"the Vulkan device {DeviceName} has no memory type with {required}");
    }

    private static Instance CreateInstance(Vk vk, GpuOptions options, DebugMessenger? messenger)
    {
        var layers = new List<string>();
        var extensions = new List<string>(options.InstanceExtensions);
        if (messenger is not null)
        {
            RequireValidationLayer(vk);
            layers.Add(ValidationLayer);
            extensions.Add(DebugMessenger.ExtensionName);
        }
        using var appName = new NativeUtf8("LvaeLive");
        using var layerNames = new NativeUtf8Array(layers);
        using var extensionNames = new NativeUtf8Array(extensions);
        var app = new ApplicationInfo(sType: StructureType.ApplicationInfo, pApplicationName: appName.Pointer, applicationVersion: 1,
            pEngineName: appName.Pointer, engineVersion: 1, apiVersion: Vk.Version11);
        var messengerInfo = messenger?.CreateInfo() ?? default;
        var info = new InstanceCreateInfo(sType: StructureType.InstanceCreateInfo, pApplicationInfo: &app,
            enabledLayerCount: (uint)layers.Count, ppEnabledLayerNames: layerNames.Pointer,
            enabledExtensionCount: (uint)extensions.Count, ppEnabledExtensionNames: extensionNames.Pointer,
            pNext: messenger is null ? null : &messengerInfo);
        Instance instance;
        var result = vk.CreateInstance(&info, null, &instance);
        if (result == Result.ErrorIncompatibleDriver)
            throw new PlatformNotSupportedException($"no Vulkan driver accepted the instance: {DeviceSelection.DriverHint}");
        if (result == Result.ErrorExtensionNotPresent)
            throw new PlatformNotSupportedException($"the Vulkan loader lacks an instance extension among {string.Join(", ", extensions)}");
        Check(result);
        return instance;
    }

    private static void RequireValidationLayer(Vk vk)
    {
        uint count = 0;
        Check(vk.EnumerateInstanceLayerProperties(&count, null));
        var layers = new LayerProperties[count];
        fixed (LayerProperties* pointer = layers)
            Check(vk.EnumerateInstanceLayerProperties(&count, pointer));
        if (!layers.Any(layer => SilkMarshal.PtrToString((nint)layer.LayerName) == ValidationLayer))
            throw new PlatformNotSupportedException(
                $"Vulkan validation was asked for but {ValidationLayer} is missing: install the Debian package vulkan-validationlayers");
    }

    private const string AtomicInt64Extension = "VK_KHR_shader_atomic_int64";

    private static bool OffersBufferInt64Atomics(Vk vk, PhysicalDevice device)
    {
        if (!DeviceSelection.HasExtensions(vk, device, [AtomicInt64Extension]))
            return false;
        var atomics = new PhysicalDeviceShaderAtomicInt64Features(sType: StructureType.PhysicalDeviceShaderAtomicInt64Features);
        var features = new PhysicalDeviceFeatures2(sType: StructureType.PhysicalDeviceFeatures2, pNext: &atomics);
        vk.GetPhysicalDeviceFeatures2(device, &features);
        return features.Features.ShaderInt64 && atomics.ShaderBufferInt64Atomics;
    }

    private static Device CreateDevice(Vk vk, PhysicalDevice physicalDevice, uint queueFamily, GpuOptions options, bool bufferInt64Atomics)
    {
        var priority = 1f;
        var queueInfo = new DeviceQueueCreateInfo(sType: StructureType.DeviceQueueCreateInfo, queueFamilyIndex: queueFamily, queueCount: 1, pQueuePriorities: &priority);
        var extensions = bufferInt64Atomics ? [.. options.DeviceExtensions, AtomicInt64Extension] : options.DeviceExtensions;
        using var extensionNames = new NativeUtf8Array(extensions);
        // Features travel in pNext (pEnabledFeatures stays null); only the 64-bit atomics are asked for.
        var atomics = new PhysicalDeviceShaderAtomicInt64Features(sType: StructureType.PhysicalDeviceShaderAtomicInt64Features,
            shaderBufferInt64Atomics: bufferInt64Atomics);
        var features = new PhysicalDeviceFeatures2(sType: StructureType.PhysicalDeviceFeatures2, pNext: &atomics);
        features.Features.ShaderInt64 = bufferInt64Atomics;
        var info = new DeviceCreateInfo(sType: StructureType.DeviceCreateInfo, pNext: bufferInt64Atomics ? &features : null,
            queueCreateInfoCount: 1, pQueueCreateInfos: &queueInfo,
            enabledExtensionCount: (uint)extensions.Count, ppEnabledExtensionNames: extensionNames.Pointer);
        Device device;
        Check(vk.CreateDevice(physicalDevice, &info, null, &device));
        return device;
    }

    private static double? TimestampPeriod(Vk vk, PhysicalDevice device, uint queueFamily, PhysicalDeviceLimits limits)
    {
        var families = DeviceSelection.QueueFamilies(vk, device);
        return families[queueFamily].TimestampValidBits > 0 && limits.TimestampPeriod > 0 ? limits.TimestampPeriod : null;
    }

    /// <summary>
    /// Children first: the device waits for idle, then goes; then the instance child (surface); the messenger outlives
    /// them to report leaks, then the instance.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (Device.Handle != 0)
        {
            Vk.DeviceWaitIdle(Device);
            if (_oneShotPool.Handle != 0)
                Vk.DestroyCommandPool(Device, _oneShotPool, null);
            Vk.DestroyDevice(Device, null);
        }
        _instanceChild?.Dispose();
        _messenger?.Dispose();
        if (Instance.Handle != 0)
            Vk.DestroyInstance(Instance, null);
        Vk.Dispose();
    }
}

/// <summary>A UTF-8 copy of a string in native memory, freed on dispose.</summary>
internal readonly unsafe struct NativeUtf8(string text) : IDisposable
{
    public byte* Pointer { get; } = (byte*)SilkMarshal.StringToPtr(text);

    public void Dispose() => SilkMarshal.Free((nint)Pointer);
}

/// <summary>A native array of UTF-8 strings (ppEnabled*Names), freed on dispose.</summary>
internal readonly unsafe struct NativeUtf8Array(IReadOnlyList<string> texts) : IDisposable
{
    public byte** Pointer { get; } = texts.Count == 0 ? null : (byte**)SilkMarshal.StringArrayToPtr(texts.ToArray());

    public void Dispose()
    {
        if (Pointer != null)
            SilkMarshal.Free((nint)Pointer);
    }
}
