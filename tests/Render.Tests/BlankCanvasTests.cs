using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

/// <summary>The presenter's blank screen: the whole canvas one colour, nothing of the scene showing through.</summary>
public sealed class BlankCanvasTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABlankFrameIsItsColourAllOverBlackUnlessAskedForWhite(bool white)
    {
        var log = new ValidationLog();
        var frame = DemoCanvas.Create(digits: 4, pairs: 1, mapPoints: 100);
        frame.Chrome.Blank = true;
        if (white) frame.Chrome.BlankColour = Palette.Rgba(255, 255, 255);
        byte[] pixels;
        using (var canvas = new HeadlessCanvas(new Extent2D(160, 120), log.Options))
            pixels = canvas.Render(frame);
        log.AssertClean();
        var expected = (byte)(white ? 255 : 0);
        for (var i = 0; i < pixels.Length; i += 4)
            Assert.Equal((expected, expected, expected, (byte)255), (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]));
    }
}
