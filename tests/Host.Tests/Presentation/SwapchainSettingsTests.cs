using LvaeLive.Render.Presentation;
using Silk.NET.Vulkan;

namespace LvaeLive.Host.Tests.Presentation;

/// <summary>The swapchain's choices from what a surface offers, without a window.</summary>
public sealed class SwapchainSettingsTests
{
    private static readonly SurfaceFormatKHR Bgra = new(Format.B8G8R8A8Unorm, ColorSpaceKHR.SpaceSrgbNonlinearKhr);
    private static readonly SurfaceFormatKHR BgraSrgb = new(Format.B8G8R8A8Srgb, ColorSpaceKHR.SpaceSrgbNonlinearKhr);
    private static readonly SurfaceFormatKHR Rgba = new(Format.R8G8B8A8Unorm, ColorSpaceKHR.SpaceSrgbNonlinearKhr);
    private static readonly PresentModeKHR[] AllModes = [PresentModeKHR.ImmediateKhr, PresentModeKHR.MailboxKhr, PresentModeKHR.FifoKhr];

    private static SurfaceCapabilitiesKHR Capabilities(uint width = 640, uint height = 400, ImageUsageFlags usage = ImageUsageFlags.TransferDstBit) => new()
    {
        MinImageCount = 2,
        MaxImageCount = 3,
        CurrentExtent = new Extent2D(width, height),
        MinImageExtent = new Extent2D(1, 1),
        MaxImageExtent = new Extent2D(4096, 4096),
        SupportedTransforms = SurfaceTransformFlagsKHR.IdentityBitKhr,
        CurrentTransform = SurfaceTransformFlagsKHR.IdentityBitKhr,
        SupportedCompositeAlpha = CompositeAlphaFlagsKHR.OpaqueBitKhr | CompositeAlphaFlagsKHR.InheritBitKhr,
        SupportedUsageFlags = usage,
    };

    private static SwapchainSettings? Choose(SurfaceCapabilitiesKHR capabilities, SurfaceFormatKHR[] formats, PresentModeKHR[]? modes = null,
        bool vsync = true, bool canBlit = true, uint width = 640, uint height = 400) =>
        SwapchainSettings.Choose(capabilities, formats, modes ?? AllModes, new Extent2D(width, height), vsync, _ => canBlit);

    [Fact]
    public void VsyncPresentsFirstInFirstOut() =>
        Assert.Equal(PresentModeKHR.FifoKhr, Choose(Capabilities(), [Bgra])!.Value.PresentMode);

    [Fact]
    public void WithoutVsyncMailboxThenImmediateThenFifo()
    {
        Assert.Equal(PresentModeKHR.MailboxKhr, Choose(Capabilities(), [Bgra], vsync: false)!.Value.PresentMode);
        Assert.Equal(PresentModeKHR.ImmediateKhr, Choose(Capabilities(), [Bgra], [PresentModeKHR.FifoKhr, PresentModeKHR.ImmediateKhr], vsync: false)!.Value.PresentMode);
        Assert.Equal(PresentModeKHR.FifoKhr, Choose(Capabilities(), [Bgra], [PresentModeKHR.FifoKhr], vsync: false)!.Value.PresentMode);
    }

    [Fact]
    public void RgbaIsCopiedAndBgraIsBlittedSoRedStaysRed()
    {
        Assert.Equal((Format.R8G8B8A8Unorm, PresentTransfer.Copy), Pick(Choose(Capabilities(), [BgraSrgb, Bgra, Rgba])));
        Assert.Equal((Format.B8G8R8A8Unorm, PresentTransfer.Blit), Pick(Choose(Capabilities(), [BgraSrgb, Bgra])));

        static (Format, PresentTransfer) Pick(SwapchainSettings? settings) => (settings!.Value.Format.Format, settings.Value.Transfer);
    }

    [Fact]
    public void AFormatThatNeitherCopyNorBlitShowsFaithfullyIsRefused()
    {
        Assert.Throws<PlatformNotSupportedException>(() => Choose(Capabilities(), [BgraSrgb]));
        Assert.Throws<PlatformNotSupportedException>(() => Choose(Capabilities(), [Bgra], canBlit: false));
    }

    [Fact]
    public void ASurfaceWithoutTransferDestinationUseIsRefused() =>
        Assert.Throws<PlatformNotSupportedException>(() => Choose(Capabilities(usage: ImageUsageFlags.ColorAttachmentBit), [Bgra]));

    [Fact]
    public void TheSurfaceSizeWinsAndAnUndefinedOneTakesTheRequestWithinLimits()
    {
        var fixedSize = Choose(Capabilities(500, 300), [Bgra], width: 640, height: 400)!.Value.Extent;
        Assert.Equal((500u, 300u), (fixedSize.Width, fixedSize.Height));
        var free = Choose(Capabilities(uint.MaxValue, uint.MaxValue), [Bgra], width: 9000, height: 400)!.Value.Extent;
        Assert.Equal((4096u, 400u), (free.Width, free.Height));
    }

    [Fact]
    public void AMinimisedWindowGetsNoSwapchain()
    {
        Assert.Null(Choose(Capabilities(0, 0), [Bgra]));
        Assert.Null(Choose(Capabilities(), [Bgra], width: 0, height: 0));
    }

    [Fact]
    public void OneImageMoreThanTheMinimumWithinTheMaximum() =>
        Assert.Equal(3u, Choose(Capabilities(), [Bgra])!.Value.ImageCount);
}
