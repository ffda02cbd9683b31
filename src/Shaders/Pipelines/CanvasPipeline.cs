using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>A pipeline of the canvas: its shader (shaders/<c>name</c>.comp) and its typed push constants.</summary>
public abstract class CanvasPipeline<TPush>(GpuContext gpu, ComputeLayout layout, string shader) : IDisposable where TPush : unmanaged
{
    protected ComputePipeline<TPush> Pipeline { get; } = new(gpu, layout, shader, Spirv.Load(shader));

    public void Dispose()
    {
        Pipeline.Dispose();
        GC.SuppressFinalize(this);
    }
}
