using System.Runtime.InteropServices;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Brings frames to the recording's fixed size. ffmpeg's raw input has one size for the whole stream, so a frame of
/// another size (the window was resized while recording) is scaled here, on the recorder thread: nearest-neighbour,
/// keeping its aspect ratio, centred on black. Frames of the recording's size pass through untouched.
/// </summary>
internal sealed class FrameScaler(int width, int height)
{
    private const uint OpaqueBlack = 0xFF000000; // RGBA bytes 0, 0, 0, 255 read as a little-endian uint.
    private byte[]? _scaled;

    public ReadOnlySpan<byte> Fit(ReadOnlySpan<byte> rgba, int sourceWidth, int sourceHeight)
    {
        if (sourceWidth == width && sourceHeight == height)
            return rgba;
        _scaled ??= new byte[width * height * 4];
        var source = MemoryMarshal.Cast<byte, uint>(rgba);
        var target = MemoryMarshal.Cast<byte, uint>(_scaled.AsSpan());
        target.Fill(OpaqueBlack);

        var scale = Math.Min((double)width / sourceWidth, (double)height / sourceHeight);
        var fittedWidth = Math.Clamp((int)Math.Round(sourceWidth * scale), 1, width);
        var fittedHeight = Math.Clamp((int)Math.Round(sourceHeight * scale), 1, height);
        var left = (width - fittedWidth) / 2;
        var top = (height - fittedHeight) / 2;
        for (var y = 0; y < fittedHeight; y++)
        {
            var sourceRow = source.Slice(y * sourceHeight / fittedHeight * sourceWidth, sourceWidth);
            var targetRow = target.Slice((top + y) * width + left, fittedWidth);
            for (var x = 0; x < fittedWidth; x++)
                targetRow[x] = sourceRow[x * sourceWidth / fittedWidth];
        }
        return _scaled;
    }
}
