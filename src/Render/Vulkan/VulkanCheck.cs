using System.Runtime.CompilerServices;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Vulkan;

/// <summary>A Vulkan call that did not return Success, with the call's text.</summary>
public sealed class VulkanException(Result result, string call)
    : Exception($"Vulkan call failed with {result}: {call}")
{
    public Result Result { get; } = result;
}

/// <summary>Result checks for every Vulkan call, in every build (never [Conditional]: a silent failure segfaults later).</summary>
public static class VulkanCheck
{
    public static void Check(Result result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != Result.Success)
            throw new VulkanException(result, call);
    }
}
