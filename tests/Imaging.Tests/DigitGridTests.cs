using LvaeLive.Imaging.Reports;
using SkiaSharp;

namespace LvaeLive.Imaging.Tests;

public sealed class DigitGridTests
{
    private const int Digit = 28 * 28;

    [Fact]
    public void DigitsAreBlackOnWhiteInGreyGapsEachPixelASquareOfTwo()
    {
        // Two digits a row, three digits: a blank one, a full one, and one with its first pixel at half grey.
        var digits = new float[3 * Digit];
        Array.Fill(digits, 1f, Digit, Digit);
        digits[2 * Digit] = 0.5f;

        var png = DigitGrid.Png(digits, columns: 2);

        // 2 px gaps around 56 px digits: 2 + 2 * 58 across, 2 + 2 * 58 down.
        var info = PngFileTests.Info(png);
        Assert.Equal((118, 118, SKColorType.Gray8), (info.Width, info.Height, info.ColorType));
        var grey = PngFileTests.Decoded(png, SKColorType.Gray8);
        byte At(int x, int y) => grey[y * 118 + x];
        Assert.Equal(200, At(0, 0));
        Assert.Equal(255, At(2, 2));
        Assert.Equal(0, At(60 + 30, 2 + 30));
        Assert.Equal(200, At(60 + 56, 2));
        Assert.Equal([127, 127, 127, 127, 255], new[] { At(2, 60), At(3, 60), At(2, 61), At(3, 61), At(4, 60) });
        Assert.Equal(200, At(60 + 30, 60 + 30));
    }

    [Fact]
    public void PairsAreSetApartByAWiderGap()
    {
        var png = DigitGrid.Png(new float[4 * Digit], columns: 4, pairs: true);

        // Each pair is followed by 6 px more: 2 + 4 * 58 + 2 * 6 across, and the second pair starts at 2 + 2 * 58 + 6.
        Assert.Equal(246, PngFileTests.Info(png).Width);
        var firstRow = PngFileTests.Decoded(png, SKColorType.Gray8).AsSpan(2 * 246, 246);
        Assert.Equal([255, 200, 200, 200, 200, 200, 200, 200, 200, 255], firstRow[115..125].ToArray());
    }

    [Fact]
    public void ValuesThatAreNotWholeDigitsAreRefused() =>
        Assert.Throws<ArgumentException>(() => DigitGrid.Png(new float[Digit + 1], columns: 10));
}
