using Silk.NET.Core.Native;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Gpu;

/// <summary>
/// VK_EXT_debug_utils messenger that forwards warnings and errors to a handler. Its functions come from
/// vkGetInstanceProcAddr (the extension's Silk.NET package is not used); the callback delegate lives in a field so the
/// collector cannot take it while the driver holds its pointer.
/// </summary>
internal sealed unsafe class DebugMessenger : IDisposable
{
    public const string ExtensionName = "VK_EXT_debug_utils";

    private readonly Vk _vk;
    private Instance _instance;
    private readonly DebugUtilsMessengerCallbackFunctionEXT _callback;
    private readonly Action<ValidationMessage> _handler;
    private DebugUtilsMessengerEXT _messenger;

    /// <summary>The callback without an instance yet: chained into VkInstanceCreateInfo so instance creation and destruction are covered too.</summary>
    public DebugMessenger(Vk vk, Action<ValidationMessage> handler)
    {
        _vk = vk;
        _handler = handler;
        _callback = OnMessage;
    }

    /// <summary>Creates the messenger proper once the instance exists; the same callback serves both.</summary>
    public void Attach(Instance instance)
    {
        _instance = instance;
        var info = CreateInfo();
        var create = (delegate* unmanaged<Instance, DebugUtilsMessengerCreateInfoEXT*, AllocationCallbacks*, DebugUtilsMessengerEXT*, Result>)
            LoadFunction("vkCreateDebugUtilsMessengerEXT");
        DebugUtilsMessengerEXT messenger;
        Check(create(instance, &info, null, &messenger));
        _messenger = messenger;
    }

    public DebugUtilsMessengerCreateInfoEXT CreateInfo() => new(
        sType: StructureType.DebugUtilsMessengerCreateInfoExt,
        messageSeverity: DebugUtilsMessageSeverityFlagsEXT.WarningBitExt | DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt,
        messageType: DebugUtilsMessageTypeFlagsEXT.GeneralBitExt | DebugUtilsMessageTypeFlagsEXT.ValidationBitExt | DebugUtilsMessageTypeFlagsEXT.PerformanceBitExt,
        pfnUserCallback: new PfnDebugUtilsMessengerCallbackEXT(_callback));

    private uint OnMessage(DebugUtilsMessageSeverityFlagsEXT severity, DebugUtilsMessageTypeFlagsEXT types, DebugUtilsMessengerCallbackDataEXT* data, void* userData)
    {
        var text = SilkMarshal.PtrToString((nint)data->PMessage) ?? "";
        _handler(new ValidationMessage(severity, types, text));
        return Vk.False;
    }

    private void* LoadFunction(string name)
    {
        var function = _vk.GetInstanceProcAddr(_instance, name);
        var pointer = (void*)function.Handle;
        return pointer != null ? pointer : throw new PlatformNotSupportedException($"the Vulkan driver lacks {name} although {ExtensionName} was enabled");
    }

    public void Dispose()
    {
        if (_messenger.Handle == 0)
            return;
        var destroy = (delegate* unmanaged<Instance, DebugUtilsMessengerEXT, AllocationCallbacks*, void>)LoadFunction("vkDestroyDebugUtilsMessengerEXT");
        destroy(_instance, _messenger, null);
        _messenger = default;
    }
}
