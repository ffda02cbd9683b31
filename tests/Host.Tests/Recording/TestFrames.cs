namespace LvaeLive.Host.Tests.Recording;

/// <summary>Synthetic RGBA frames: a gradient that moves with the frame index, opaque, so every frame differs.</summary>
internal static class TestFrames
{
    public static byte[] Gradient(int index, int width, int height)
    {
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                rgba[i] = (byte)((x * 4 + index * 8) & 0xFF);
                rgba[i + 1] = (byte)((y * 4) & 0xFF);
                rgba[i + 2] = (byte)((index * 16) & 0xFF);
                rgba[i + 3] = 255;
            }
        return rgba;
    }
}
