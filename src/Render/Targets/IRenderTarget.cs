using LvaeLive.Render.Frames;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Targets;

/// <summary>
/// An RGBA8 storage image the canvas draws into for one frame. The offscreen target reads it back to host memory; a
/// swapchain target (later) would acquire in <see cref="RecordBegin"/>'s caller and blit to the presentable image in
/// <see cref="RecordEnd"/>, since swapchain formats rarely allow storage use.
/// </summary>
public interface IRenderTarget
{
    Extent2D Extent { get; }

    /// <summary>The image this frame draws into (its identity changes when the target is re-created).</summary>
    Image Image { get; }

    ImageView View { get; }

    /// <summary>Records the transition that makes the image clearable and writable by compute shaders (layout General).</summary>
    void RecordBegin(FrameSlot slot);

    /// <summary>Records what follows the drawing: read-back copies, or the hand-over to presentation.</summary>
    void RecordEnd(FrameSlot slot);
}
