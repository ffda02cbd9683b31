using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>The descriptor bindings every canvas pipeline shares; mirrors shaders/canvas.glsl.</summary>
public static class CanvasBindings
{
    public const uint CanvasImage = 0;
    public const uint FrameData = 1;
    public const uint GlyphData = 2;
    public const uint SplatData = 3;

    public static ComputeLayout CreateLayout(GpuContext gpu) => new(gpu,
        [DescriptorType.StorageImage, DescriptorType.UniformTexelBuffer, DescriptorType.StorageBuffer, DescriptorType.StorageBuffer]);
}
