using LvaeLive.Render.Targets;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Commands;

internal static class SizeOption
{
    /// <summary>Parses WIDTHxHEIGHT for an option, naming the option in the error.</summary>
    public static Extent2D Parse(string option, string text)
    {
        try
        {
            return CanvasSize.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option} {text}: {e.Message}", e);
        }
    }
}
