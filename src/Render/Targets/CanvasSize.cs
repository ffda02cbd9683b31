using Silk.NET.Vulkan;

namespace LvaeLive.Render.Targets;

/// <summary>Canvas sizes: parsing "1280x720" and the range the renderer accepts.</summary>
public static class CanvasSize
{
    public const int MinWidth = 320;
    public const int MinHeight = 240;
    public const int MaxSide = 8192;

    public static Extent2D Parse(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var width) || !int.TryParse(parts[1], out var height))
            throw new ArgumentException($"size '{text}' is not WIDTHxHEIGHT, e.g. 1280x720");
        return Validate(width, height);
    }

    public static Extent2D Validate(int width, int height)
    {
        if (width < MinWidth || height < MinHeight || width > MaxSide || height > MaxSide)
            throw new ArgumentException(
                $"canvas size {width}x{height} is out of range: width {MinWidth}..{MaxSide}, height {MinHeight}..{MaxSide}");
        return new Extent2D((uint)width, (uint)height);
    }
}
