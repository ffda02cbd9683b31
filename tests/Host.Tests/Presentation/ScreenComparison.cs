namespace LvaeLive.Host.Tests.Presentation;

/// <summary>A screenshot (RGB) against a read-back frame (RGBA) of the same size, pixel by pixel.</summary>
internal static class ScreenComparison
{
    /// <summary>Pixels whose red, green or blue differ by more than <paramref name="tolerance"/>, outside <paramref name="excluded"/>.</summary>
    public static int Mismatches(ReadOnlySpan<byte> rgba, ReadOnlySpan<byte> rgb, int width, int tolerance, (int X, int Y, int Size)? excluded = null)
    {
        if (rgba.Length / 4 != rgb.Length / 3)
            throw new ArgumentException($"the frame has {rgba.Length / 4} pixels, the screenshot {rgb.Length / 3}");
        var count = 0;
        for (var pixel = 0; pixel < rgb.Length / 3; pixel++)
        {
            if (excluded is var (x, y, size) && Inside(pixel % width - x, size) && Inside(pixel / width - y, size))
                continue;
            for (var channel = 0; channel < 3; channel++)
                if (Math.Abs(rgba[pixel * 4 + channel] - rgb[pixel * 3 + channel]) > tolerance)
                {
                    count++;
                    break;
                }
        }
        return count;
    }

    /// <summary>Whether every pixel of the square at (x, y) is pure red, in an image of <paramref name="channels"/> bytes per pixel.</summary>
    public static bool IsRedSquare(ReadOnlySpan<byte> pixels, int channels, int width, int x, int y, int size)
    {
        for (var row = y; row < y + size; row++)
            for (var column = x; column < x + size; column++)
            {
                var at = (row * width + column) * channels;
                if (pixels[at] != 255 || pixels[at + 1] != 0 || pixels[at + 2] != 0)
                    return false;
            }
        return true;
    }

    public static byte[] RgbToRgba(ReadOnlySpan<byte> rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (var pixel = 0; pixel < rgb.Length / 3; pixel++)
        {
            rgb.Slice(pixel * 3, 3).CopyTo(rgba.AsSpan(pixel * 4));
            rgba[pixel * 4 + 3] = 255;
        }
        return rgba;
    }

    private static bool Inside(int offset, int size) => offset >= 0 && offset < size;
}
