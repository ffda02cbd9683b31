using SkiaSharp;

namespace LvaeLive.Imaging.Tests;

public sealed class PngFileTests
{
    [Fact]
    public void PngRoundTripsExactly()
    {
        var random = new Random(5);
        var rgba = new byte[37 * 23 * 4];
        random.NextBytes(rgba);
        for (var i = 3; i < rgba.Length; i += 4)
            rgba[i] = 255;
        var path = Path.Combine(Path.GetTempPath(), $"lvae-png-{Environment.ProcessId}.png");
        try
        {
            PngFile.Write(path, rgba, 37, 23);
            Assert.Equal(rgba, Decoded(File.ReadAllBytes(path), SKColorType.Rgba8888));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".lvae-png-{Environment.ProcessId}.png.*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GreyLevelsRoundTripExactlyAsAGreyPng()
    {
        var grey = new byte[37 * 23];
        new Random(6).NextBytes(grey);

        var png = PngFile.EncodeGrey(grey, 37, 23);

        Assert.Equal(SKColorType.Gray8, Info(png).ColorType);
        Assert.Equal(grey, Decoded(png, SKColorType.Gray8));
    }

    [Fact]
    public void PixelsOfTheWrongCountAreRefusedWithTheCountNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => PngFile.EncodeGrey(new byte[10], 4, 2));
        Assert.Equal("PNG of 4x2 needs 8 grey bytes, got 10", error.Message);
    }

    /// <summary>How a decoder sees the file: its size and its pixels' colour type.</summary>
    internal static SKImageInfo Info(byte[] png)
    {
        using var codec = SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidDataException("not a PNG SkiaSharp can read");
        return codec.Info;
    }

    /// <summary>The file's pixels, converted to <paramref name="colorType"/> (straight alpha).</summary>
    internal static byte[] Decoded(byte[] png, SKColorType colorType)
    {
        using var bitmap = SKBitmap.Decode(png);
        var alpha = colorType == SKColorType.Gray8 ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        using var converted = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, colorType, alpha));
        Assert.True(bitmap.CopyTo(converted, colorType));
        return converted.GetPixelSpan().ToArray();
    }
}
