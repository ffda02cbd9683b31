using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>A pipeline of the canvas: its shader (shaders/<c>name</c>.comp) and its typed push constants.</summary>
public abstract class CanvasPipeline<TPush>(GpuContext gpu, ComputeLayout layout, string shader) : IDisposable where TPush : unmanaged
{
    /// <summary>Work-group edge of the shaders that run one invocation per pixel (local_size 16 x 16).</summary>
    protected const int PixelGroupSize = 16;

    protected ComputePipeline<TPush> Pipeline { get; } = new(gpu, layout, shader, Spirv.Load(shader));

    /// <summary>Dispatches one invocation per pixel of a <paramref name="size"/> area, rounded up to whole groups.</summary>
    protected void DispatchOverPixels(FrameSlot slot, in TPush push, Int2 size) =>
        Pipeline.Dispatch(slot, push, WorkGroups.Cover(size.X, PixelGroupSize), WorkGroups.Cover(size.Y, PixelGroupSize));

    public void Dispose()
    {
        Pipeline.Dispose();
        GC.SuppressFinalize(this);
    }
}
