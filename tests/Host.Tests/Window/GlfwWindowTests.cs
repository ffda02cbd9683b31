using LvaeLive.Host.Input;
using LvaeLive.Host.Window;
using Silk.NET.Core.Native;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Tests.Window;

/// <summary>A real GLFW window on the X display (Xvfb in CI). One class, so these never run at the same time.</summary>
[Collection(nameof(InProcessWindows))]
public sealed class GlfwWindowTests : IClassFixture<XServerHold>
{
    private const int Width = 320;
    private const int Height = 240;

    public GlfwWindowTests(XServerHold _) => XDisplay.Require();

    [Fact]
    public void OpensAtItsSizeAndClosesCleanlyEvenWhenDisposedTwice()
    {
        var window = new GlfwWindow(Width, Height, XDisplay.UniqueTitle());
        Assert.Equal(new FramebufferSize(Width, Height), window.FramebufferSize);
        Assert.False(window.IsMinimized);
        Assert.False(window.ShouldClose);
        window.RequestClose();
        Assert.True(window.ShouldClose);
        window.Dispose();
        window.Dispose();
        Assert.Throws<ObjectDisposedException>(() => window.ShouldClose);
    }

    [Fact]
    public void AnInjectedEscapeArrivesInTheKeyQueueAndMapsToQuit()
    {
        var title = XDisplay.UniqueTitle();
        using var window = new GlfwWindow(Width, Height, title);
        XDisplay.Key(XDisplay.FindWindow(title, XDisplay.Deadline), "Escape");

        KeyEvent? press = null;
        XDisplay.PollUntil(window, () =>
        {
            while (press is null && window.TryReadKey(out var key))
                if (key.Action == KeyAction.Press)
                    press = key;
            return press is not null;
        }, "the Escape key press");

        Assert.Equal(GlfwKey.Escape, press!.Value.Key);
        Assert.Equal(new LiveInput(ViewAction.Quit), new KeyMap(depth: 3).Map(press.Value));
    }

    [Fact]
    public void AResizeIsReportedOnceWithTheNewSize()
    {
        var title = XDisplay.UniqueTitle();
        using var window = new GlfwWindow(Width, Height, title);
        Assert.False(window.TakeResize(out _));
        XDisplay.ResizeWindow(XDisplay.FindWindow(title, XDisplay.Deadline), 400, 300);

        var size = default(FramebufferSize);
        XDisplay.PollUntil(window, () => window.TakeResize(out size) && size == new FramebufferSize(400, 300), "a 400x300 resize");
        Assert.Equal(new FramebufferSize(400, 300), window.FramebufferSize);
        Assert.False(window.TakeResize(out _));
    }

    [Fact]
    public void FullscreenCoversTheScreenAndReturnsToTheWindow()
    {
        using var window = new GlfwWindow(Width, Height, XDisplay.UniqueTitle());
        window.SetFullscreen(true);
        Assert.True(window.IsFullscreen);
        XDisplay.PollUntil(window, () => window.FramebufferSize.Width > Width && window.FramebufferSize.Height > Height,
            "the window to grow to the screen");

        window.SetFullscreen(false);
        Assert.False(window.IsFullscreen);
        XDisplay.PollUntil(window, () => window.FramebufferSize == new FramebufferSize(Width, Height), "the window size back");
    }

    [Fact]
    public unsafe void MakesAVulkanSurfaceWithTheExtensionsItNames()
    {
        using var window = new GlfwWindow(Width, Height, XDisplay.UniqueTitle());
        var extensions = GlfwWindow.RequiredInstanceExtensions;
        Assert.Contains("VK_KHR_surface", extensions);

        var vk = Vk.GetApi();
        var names = (byte**)SilkMarshal.StringArrayToPtr(extensions.ToArray());
        try
        {
            var info = new InstanceCreateInfo
            {
                SType = StructureType.InstanceCreateInfo,
                EnabledExtensionCount = (uint)extensions.Count,
                PpEnabledExtensionNames = names,
            };
            Instance instance;
            Assert.Equal(Result.Success, vk.CreateInstance(&info, null, &instance));
            try
            {
                var surface = window.CreateSurface(instance.Handle);
                Assert.NotEqual(0UL, surface);
                // Core Silk.NET only: the surface extension's destroy function comes from the instance.
                var destroy = (delegate* unmanaged<nint, ulong, void*, void>)vk.GetInstanceProcAddr(instance, "vkDestroySurfaceKHR").Handle;
                destroy(instance.Handle, surface, null);
            }
            finally
            {
                vk.DestroyInstance(instance, null);
            }
        }
        finally
        {
            SilkMarshal.Free((nint)names);
        }
    }

    [Fact]
    public void WithoutADisplayItSaysHowToGetOne()
    {
        NativeEnvironment.Without("DISPLAY", () =>
        {
            var error = Assert.Throws<PlatformNotSupportedException>(() => new GlfwWindow(Width, Height, XDisplay.UniqueTitle()));
            Assert.Contains("xvfb-run", error.Message);
            Assert.Contains("--headless", error.Message);
        });
    }
}
