namespace LvaeLive.Render.Presentation;

/// <summary>How the RGBA8 UNORM canvas reaches a swapchain image of the same size.</summary>
public enum PresentTransfer
{
    /// <summary>Byte for byte (vkCmdCopyImage): the swapchain stores R, G, B, A in that order, as the canvas does.</summary>
    Copy,

    /// <summary>Converted per component (vkCmdBlitImage): for B8G8R8A8 UNORM, where a copy would swap red and blue.</summary>
    Blit,
}
