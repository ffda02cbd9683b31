using System.CommandLine;
using LvaeLive.Host.Settings;

namespace LvaeLive.Host.Tests.Settings;

public sealed class SettingTests
{
    private static readonly RangeSetting<double> Rate = new("--rate", "How fast", 30, 1, 240, " per second");

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(240)]
    public void ValuesWithinTheRangePassUnchanged(double value) => Assert.Equal(value, Rate.Checked(value));

    [Theory]
    [InlineData(0.5, "--rate is 0.5; it must be 1 to 240 per second")]
    [InlineData(241, "--rate is 241; it must be 1 to 240 per second")]
    [InlineData(double.NaN, "--rate is NaN; it must be 1 to 240 per second")]
    [InlineData(double.PositiveInfinity, "--rate is Infinity; it must be 1 to 240 per second")]
    public void ValuesOutsideTheRangeAreRefusedInOneLineNamingTheSetting(double value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Rate.Checked(value)).Message);

    [Fact]
    public void TheOptionCarriesTheSettingsNameDefaultAndRange()
    {
        var option = Rate.CreateOption();
        var parsed = new RootCommand { option }.Parse([]);
        Assert.Equal("--rate", option.Name);
        Assert.Equal(30, parsed.GetValue(option));
        Assert.Equal("How fast (1 to 240 per second; default 30).", option.Description);
    }

    [Theory]
    [InlineData("640x360", false, null)]
    [InlineData("641x360", false, null)]
    [InlineData("641x360", true, "--size 641x360: videos need an even width and height")]
    [InlineData("100x100", false, "--size 100x100: canvas size 100x100 is out of range: width 320..8192, height 240..8192")]
    [InlineData("wide", false, "--size wide: size 'wide' is not WIDTHxHEIGHT, e.g. 1280x720")]
    public void SizesAreCheckedOnceForTheCanvasAndForVideosForEvenness(string text, bool even, string? message)
    {
        var setting = new SizeSetting("--size", "Size", "1280x720", even);
        if (message is null) Assert.Equal(text, $"{setting.Checked(text).Width}x{setting.Checked(text).Height}");
        else Assert.Equal(message, Assert.Throws<ArgumentException>(() => setting.Checked(text)).Message);
    }
}
