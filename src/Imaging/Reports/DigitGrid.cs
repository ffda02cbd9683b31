namespace LvaeLive.Imaging.Reports;

/// <summary>Digits (grey levels in [0, 1], 784 per digit, row-major) laid out as a grey PNG grid, black digits on white.</summary>
public static class DigitGrid
{
    private const int Side = 28;
    /// <summary>Each pixel drawn as a square of this side, so the grid is readable at a glance in a report.</summary>
    private const int Zoom = 2;
    private const int Gap = 2;
    /// <summary>The light grey between digits, which sets each digit's white square apart.</summary>
    private const byte Background = 200;

    /// <summary>
    /// A PNG of <paramref name="columns"/> digits per row. With <paramref name="pairs"/>, a wider gap separates every
    /// second column, so that (original, reconstruction) pairs read as pairs.
    /// </summary>
    public static byte[] Png(float[] digits, int columns, bool pairs = false)
    {
        var count = digits.Length / (Side * Side);
        if (count == 0 || digits.Length % (Side * Side) != 0)
            throw new ArgumentException($"{digits.Length} values are not a whole number of 28 x 28 digits");
        var rows = (count + columns - 1) / columns;
        int Left(int column) => Gap + column * (Side * Zoom + Gap) + (pairs ? column / 2 * 3 * Gap : 0);
        var width = Left(columns);
        var height = Gap + rows * (Side * Zoom + Gap);

        var grey = new byte[width * height];
        Array.Fill(grey, Background);
        for (var digit = 0; digit < count; digit++)
        {
            var (left, top) = (Left(digit % columns), Gap + digit / columns * (Side * Zoom + Gap));
            for (var y = 0; y < Side * Zoom; y++)
            for (var x = 0; x < Side * Zoom; x++)
            {
                var level = Math.Clamp(digits[digit * Side * Side + y / Zoom * Side + x / Zoom], 0f, 1f);
                grey[(top + y) * width + left + x] = (byte)(255 - (int)MathF.Round(level * 255));
            }
        }
        return PngFile.EncodeGrey(grey, width, height);
    }
}
