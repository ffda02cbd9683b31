using LvaeLive.Files;
using SkiaSharp;

namespace LvaeLive.Imaging;

/// <summary>Writes RGBA8 pixels as PNG, atomically (<see cref="AtomicFile"/>).</summary>
public static class PngFile
{
    public static void Write(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgba.Length != width * height * 4)
            throw new ArgumentException($"PNG of {width}x{height} needs {width * height * 4} RGBA bytes, got {rgba.Length}");
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"cannot write {path}: the folder {directory} does not exist");

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var data = Encode(info, rgba);
        AtomicFile.Write(full, data.SaveTo);
    }

    private static unsafe SKData Encode(SKImageInfo info, ReadOnlySpan<byte> rgba)
    {
        fixed (byte* pixels = rgba)
        {
            using var pixmap = new SKPixmap(info, (nint)pixels, info.RowBytes);
            return pixmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {info.Width}x{info.Height} PNG");
        }
    }
}
