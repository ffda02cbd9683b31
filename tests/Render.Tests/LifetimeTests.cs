using LvaeLive.Render.Gpu;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

public sealed class LifetimeTests
{
    [Fact]
    public unsafe void ALeakedObjectIsReportedByTheValidationLayerAtTeardown()
    {
        var log = new ValidationLog();
        var gpu = GpuContext.Create(log.Options);
        // Deliberate misuse: a buffer nobody destroys.
        var info = new BufferCreateInfo(sType: StructureType.BufferCreateInfo, size: 256, usage: BufferUsageFlags.StorageBufferBit, sharingMode: SharingMode.Exclusive);
        Silk.NET.Vulkan.Buffer leaked;
        Assert.Equal(Result.Success, gpu.Vk.CreateBuffer(gpu.Device, &info, null, &leaked));
        gpu.Dispose();
        gpu.Dispose();
        Assert.Contains(log.Messages, m => m.IsError && m.Text.Contains("VkBuffer", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCanvasDrawsResizesAndTearsDownWithoutAValidationMessage()
    {
        var log = new ValidationLog();
        var frame = DemoCanvas.Create(digits: 16, pairs: 4, mapPoints: 500);
        frame.Chrome.ShowHelp = true;
        using (var canvas = new HeadlessCanvas(new Extent2D(640, 360), log.Options))
        {
            var small = canvas.Render(frame);
            AssertVaried(small);
            canvas.Target.Resize(CanvasSize.Validate(1024, 600));
            var large = canvas.Render(frame);
            Assert.Equal(1024 * 600 * 4, large.Length);
            AssertVaried(large);
            canvas.Dispose();
        }
        log.AssertClean();
    }

    [Fact]
    public void InvalidValuesAreDrawnMagentaAndNeverCrash()
    {
        var log = new ValidationLog();
        var frame = DemoCanvas.Create(digits: 4, pairs: 1, mapPoints: 100);
        var digits = frame.Scene.Digits.ToArray();
        digits.AsSpan(0, 784).Fill(float.NaN);
        frame.Scene.Digits = digits;
        frame.Chrome.Plots = [new CurvePlot("bad", [new CurveSeries("inf", new[] { 1f, float.PositiveInfinity, 3f, float.NaN })])];
        frame.Scene.MapPoints = new[] { new MapPoint(float.NaN, 0, 1), new MapPoint(0, 0, 42) };
        using (var canvas = new HeadlessCanvas(new Extent2D(640, 360), log.Options))
        {
            var pixels = canvas.Render(frame);
            var magenta = 0;
            for (var i = 0; i < pixels.Length; i += 4)
                magenta += pixels[i] > 240 && pixels[i + 1] < 20 && pixels[i + 2] > 240 ? 1 : 0;
            Assert.True(magenta > 100, $"{magenta} magenta pixels");
        }
        log.AssertClean();
    }

    [Theory]
    [InlineData("100x100", "canvas size 100x100 is out of range: width 320..8192, height 240..8192")]
    [InlineData("99999x720", "canvas size 99999x720 is out of range: width 320..8192, height 240..8192")]
    [InlineData("1280x", "size '1280x' is not WIDTHxHEIGHT, e.g. 1280x720")]
    public void SizesOutOfRangeOrMalformedAreRejectedWithAMessage(string size, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => CanvasSize.Parse(size)).Message);

    private static void AssertVaried(byte[] pixels)
    {
        var distinct = new HashSet<int>();
        for (var i = 0; i < pixels.Length; i += 4 * 97)
            distinct.Add(pixels[i] | pixels[i + 1] << 8 | pixels[i + 2] << 16);
        Assert.True(distinct.Count > 50, $"only {distinct.Count} colours: the canvas looks blank");
    }
}
