using Xunit.Sdk;

namespace LvaeLive.Host.Tests.Window;

/// <summary>The window tests' one policy: without a display they fail, saying how to get one; they never skip.</summary>
public sealed class XDisplayTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void WithoutADisplayAWindowTestFailsAndSaysToRunUnderXvfb(string? display)
    {
        var failure = Assert.Throws<FailException>(() => XDisplay.Require(display));
        Assert.Contains("xvfb-run", failure.Message);
        Assert.Contains("scripts/test.sh", failure.Message);
    }

    [Fact]
    public void WithADisplayAWindowTestGoesOn() => XDisplay.Require(":99");
}
