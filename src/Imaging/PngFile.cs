using LvaeLive.Files;
using SkiaSharp;

namespace LvaeLive.Imaging;

/// <summary>The solution's one PNG encoder: screenshots and recorded frames, the reports' figures and digit grids.</summary>
public static class PngFile
{
    /// <summary>Writes RGBA8 pixels as PNG, atomically (<see cref="AtomicFile"/>).</summary>
    public static void Write(string path, ReadOnlySpan<byte> rgba, int width, int height)
    {
        using var png = Encode(Rgba(width, height), rgba);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"cannot write {path}: the folder {directory} does not exist");
        AtomicFile.Write(full, png.SaveTo);
    }

    /// <summary>RGBA8 pixels, row after row with no padding, as a PNG file's bytes.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        using var png = Encode(Rgba(width, height), rgba);
        return png.ToArray();
    }

    /// <summary>
    /// Grey levels, one byte a pixel, as a grey PNG file's bytes: a quarter of the pixels an RGBA file would compress,
    /// for pictures that have no colour (the digit grids).
    /// </summary>
    public static byte[] EncodeGrey(ReadOnlySpan<byte> grey, int width, int height)
    {
        using var png = Encode(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), grey);
        return png.ToArray();
    }

    private static SKImageInfo Rgba(int width, int height) => new(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);

    private static unsafe SKData Encode(SKImageInfo info, ReadOnlySpan<byte> pixels)
    {
        var kind = info.ColorType == SKColorType.Gray8 ? "grey" : "RGBA";
        if (info.Width <= 0 || info.Height <= 0 || pixels.Length != info.BytesSize)
            throw new ArgumentException($"PNG of {info.Width}x{info.Height} needs {info.BytesSize} {kind} bytes, got {pixels.Length}");
        fixed (byte* start = pixels)
        {
            using var pixmap = new SKPixmap(info, (nint)start, info.RowBytes);
            return pixmap.Encode(SKEncodedImageFormat.Png, 100)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode a {info.Width}x{info.Height} PNG");
        }
    }
}
