using Silk.NET.Vulkan;

namespace LvaeLive.Render.Gpu;

/// <summary>One message from the validation layer (or the driver) through the debug messenger.</summary>
public sealed record ValidationMessage(DebugUtilsMessageSeverityFlagsEXT Severity, DebugUtilsMessageTypeFlagsEXT Type, string Text)
{
    public bool IsError => Severity.HasFlag(DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt);

    public override string ToString() => $"{(IsError ? "error" : "warning")}: {Text}";
}
