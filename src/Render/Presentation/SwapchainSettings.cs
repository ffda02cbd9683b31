using Silk.NET.Vulkan;
using PixelFormat = Silk.NET.Vulkan.Format;

namespace LvaeLive.Render.Presentation;

/// <summary>
/// What a swapchain is created with, chosen from what the surface offers. Pure, so the choices are tested without a
/// window.
/// </summary>
public readonly record struct SwapchainSettings(
    SurfaceFormatKHR Format,
    PresentTransfer Transfer,
    PresentModeKHR PresentMode,
    Extent2D Extent,
    uint ImageCount,
    CompositeAlphaFlagsKHR CompositeAlpha,
    SurfaceTransformFlagsKHR Transform)
{
    /// <summary>
    /// Returns null when the window or its surface has no area (minimised): no swapchain can exist until it is restored.
    /// </summary>
    /// <param name="requested">The framebuffer size, used where the surface lets the swapchain set its own size.</param>
    /// <param name="vsync">FIFO (always offered, paced by the display); otherwise MAILBOX, then IMMEDIATE, then FIFO.</param>
    /// <param name="canBlitTo">Whether the device can blit into images of this format (optimal tiling).</param>
    public static SwapchainSettings? Choose(SurfaceCapabilitiesKHR capabilities, IReadOnlyList<SurfaceFormatKHR> formats,
        IReadOnlyList<PresentModeKHR> presentModes, Extent2D requested, bool vsync, Func<PixelFormat, bool> canBlitTo)
    {
        if (!capabilities.SupportedUsageFlags.HasFlag(ImageUsageFlags.TransferDstBit))
            throw new PlatformNotSupportedException("the window surface does not accept transfers into its images (no TRANSFER_DST usage), so the canvas cannot be shown");
        var extent = ChooseExtent(capabilities, requested);
        if (IsEmpty(requested) || IsEmpty(extent))
            return null;
        var (format, transfer) = ChooseFormat(formats, canBlitTo);
        return new SwapchainSettings(format, transfer, ChoosePresentMode(presentModes, vsync), extent, ChooseImageCount(capabilities),
            ChooseCompositeAlpha(capabilities.SupportedCompositeAlpha),
            capabilities.SupportedTransforms.HasFlag(SurfaceTransformFlagsKHR.IdentityBitKhr) ? SurfaceTransformFlagsKHR.IdentityBitKhr : capabilities.CurrentTransform);
    }

    /// <summary>
    /// UNORM formats whose bytes the display shows as they are (the canvas is already display-encoded): R8G8B8A8 by copy,
    /// B8G8R8A8 by blit. An sRGB R8G8B8A8 format also takes a raw copy; a blit into an sRGB format would encode twice.
    /// </summary>
    private static (SurfaceFormatKHR, PresentTransfer) ChooseFormat(IReadOnlyList<SurfaceFormatKHR> formats, Func<PixelFormat, bool> canBlitTo)
    {
        (PixelFormat Format, PresentTransfer Transfer)[] preferences =
        [
            (PixelFormat.R8G8B8A8Unorm, PresentTransfer.Copy),
            (PixelFormat.B8G8R8A8Unorm, PresentTransfer.Blit),
            (PixelFormat.R8G8B8A8Srgb, PresentTransfer.Copy),
        ];
        foreach (var (format, transfer) in preferences)
        {
            if (transfer == PresentTransfer.Blit && !canBlitTo(format))
                continue;
            foreach (var offered in formats)
                if (offered.Format == format && offered.ColorSpace == ColorSpaceKHR.SpaceSrgbNonlinearKhr)
                    return (offered, transfer);
        }
        throw new PlatformNotSupportedException(
            $"the window surface offers none of the formats the canvas can be shown in (R8G8B8A8 or B8G8R8A8 UNORM, R8G8B8A8 SRGB); it offers {string.Join(", ", formats.Select(f => $"{f.Format}/{f.ColorSpace}"))}");
    }

    private static bool IsEmpty(Extent2D extent) => extent.Width == 0 || extent.Height == 0;

    private static PresentModeKHR ChoosePresentMode(IReadOnlyList<PresentModeKHR> offered, bool vsync)
    {
        if (!vsync)
            foreach (var mode in (ReadOnlySpan<PresentModeKHR>)[PresentModeKHR.MailboxKhr, PresentModeKHR.ImmediateKhr])
                if (offered.Contains(mode))
                    return mode;
        return PresentModeKHR.FifoKhr;
    }

    /// <summary>The surface's own size when it has one; otherwise the requested size within the surface's limits.</summary>
    private static Extent2D ChooseExtent(SurfaceCapabilitiesKHR capabilities, Extent2D requested)
    {
        if (capabilities.CurrentExtent.Width != uint.MaxValue)
            return capabilities.CurrentExtent;
        return new Extent2D(
            Math.Clamp(requested.Width, capabilities.MinImageExtent.Width, capabilities.MaxImageExtent.Width),
            Math.Clamp(requested.Height, capabilities.MinImageExtent.Height, capabilities.MaxImageExtent.Height));
    }

    /// <summary>One more than the minimum, so acquiring rarely waits for the display to release an image.</summary>
    private static uint ChooseImageCount(SurfaceCapabilitiesKHR capabilities)
    {
        var count = capabilities.MinImageCount + 1;
        return capabilities.MaxImageCount > 0 ? Math.Min(count, capabilities.MaxImageCount) : count;
    }

    private static CompositeAlphaFlagsKHR ChooseCompositeAlpha(CompositeAlphaFlagsKHR supported)
    {
        foreach (var mode in (ReadOnlySpan<CompositeAlphaFlagsKHR>)[CompositeAlphaFlagsKHR.OpaqueBitKhr, CompositeAlphaFlagsKHR.InheritBitKhr,
                     CompositeAlphaFlagsKHR.PreMultipliedBitKhr, CompositeAlphaFlagsKHR.PostMultipliedBitKhr])
            if (supported.HasFlag(mode))
                return mode;
        throw new PlatformNotSupportedException($"the window surface supports no composite alpha mode ({supported})");
    }
}
