using System.CommandLine;
using LvaeLive.Render.Targets;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Settings;

/// <summary>
/// A WIDTHxHEIGHT setting: a canvas the renderer can draw (CanvasSize's range), and, for a video, an even one, as
/// H.264 in yuv420p needs. Declared once; the option and the check are made from it.
/// </summary>
internal sealed record SizeSetting(string Name, string Description, string? Default, bool Even)
{
    public Option<string?> CreateOption() => new(Name)
    {
        Description = $"{Description}: WIDTHxHEIGHT from {CanvasSize.MinWidth}x{CanvasSize.MinHeight} to {CanvasSize.MaxSide}x{CanvasSize.MaxSide}" +
                      (Even ? ", even" : "") + (Default is null ? "." : $"; default {Default}."),
        DefaultValueFactory = _ => Default,
    };

    /// <summary>The size that <paramref name="text"/> names, if the renderer (and, for a video, the encoder) can take it.</summary>
    public Extent2D Checked(string text)
    {
        Extent2D extent;
        try
        {
            extent = CanvasSize.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{Name} {text}: {e.Message}", e);
        }
        if (Even && (extent.Width % 2 != 0 || extent.Height % 2 != 0))
            throw new ArgumentException($"{Name} {text}: videos need an even width and height");
        return extent;
    }
}
