using System.Collections.Concurrent;
using LvaeLive.Host.Tests.Window;
using LvaeLive.Host.Window;
using LvaeLive.Imaging;
using LvaeLive.Render.Gpu;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Tests.Presentation;

/// <summary>
/// A GLFW window showing a <see cref="WindowCanvas"/> of the demo frame, with Vulkan validation on and its messages
/// collected, and the window's X id for screenshots. Created and disposed on the test's thread, as GLFW requires.
/// </summary>
internal sealed class ShownCanvas : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Where the latest matching screenshot of each test goes, for a person to look at.</summary>
    public static string ScreenshotFolder => Path.Combine(Path.GetTempPath(), "lvae-presentation-tests");

    private readonly ConcurrentQueue<ValidationMessage> _messages = new();

    public GlfwWindow Window { get; }
    public WindowCanvas Canvas { get; }
    public CanvasFrame Frame { get; } = DemoCanvas.Create();
    public string WindowId { get; }
    public IReadOnlyCollection<ValidationMessage> ValidationMessages => _messages;

    public ShownCanvas(int width, int height, bool vsync = true)
    {
        var title = XDisplay.UniqueTitle();
        Window = new GlfwWindow(width, height, title);
        try
        {
            var options = new GpuOptions { EnableValidation = true, OnValidationMessage = _messages.Enqueue };
            var size = Window.FramebufferSize;
            Canvas = new WindowCanvas(GlfwWindow.RequiredInstanceExtensions, Window.CreateSurface,
                new Extent2D((uint)size.Width, (uint)size.Height), vsync, options);
            WindowId = XDisplay.FindWindow(title, Deadline);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Renders the demo frame with read-back and returns its RGBA8 pixels.</summary>
    public byte[] RenderAndReadBack()
    {
        Assert.True(Canvas.Render(Frame, readBack: true), "the frame was not shown");
        return Canvas.ReadPixels();
    }

    /// <summary>
    /// Screenshots the window until it shows <paramref name="rgba"/> (the X server shows a present a little later),
    /// outside the excluded square; saves the screenshot as a PNG named <paramref name="name"/> and returns it (RGB).
    /// </summary>
    public byte[] ScreenshotShowing(byte[] rgba, string name, (int X, int Y, int Size)? excluded = null)
    {
        var (width, height) = ((int)Canvas.Extent.Width, (int)Canvas.Extent.Height);
        var mismatches = -1;
        byte[]? latest = null;
        try
        {
            WaitUntil(() =>
            {
                latest = XDisplay.Capture(WindowId, width, height);
                mismatches = ScreenComparison.Mismatches(rgba, latest, width, tolerance: 0, excluded);
                return mismatches == 0;
            }, "the window did not show the rendered frame");
            Save(latest, name, width, height);
            return latest!;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}: {mismatches} of {width * height} pixels differ (see {Save(latest, name, width, height)} and {Save(rgba, name + "-readback", width, height, rgb: false)})", e);
        }
    }

    /// <summary>Handles window events until <paramref name="condition"/> holds, or throws after <see cref="Deadline"/>.</summary>
    public void WaitUntil(Func<bool> condition, string failure) => XDisplay.WaitUntil(Deadline, () =>
    {
        Window.PollEvents();
        return condition();
    }, failure);

    private static string Save(byte[]? pixels, string name, int width, int height, bool rgb = true)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        if (pixels is not null)
            PngFile.Write(path, rgb ? ScreenComparison.RgbToRgba(pixels) : pixels, width, height);
        return path;
    }

    public void Dispose()
    {
        Canvas?.Dispose();
        Window?.Dispose();
    }
}
