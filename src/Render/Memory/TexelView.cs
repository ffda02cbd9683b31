using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Memory;

/// <summary>
/// A view of a whole buffer as 32-bit unsigned texels, for reading as a uniform texel buffer (texelFetch). lavapipe
/// fetches texels with vector gathers, where storage-buffer reads at per-invocation addresses go one lane at a time.
/// The buffer needs UniformTexelBufferBit and must outlive the view.
/// </summary>
public sealed unsafe class TexelView : IDisposable
{
    private readonly GpuContext _gpu;

    public BufferView Handle { get; private set; }

    public TexelView(GpuContext gpu, GpuBuffer buffer)
    {
        _gpu = gpu;
        var info = new BufferViewCreateInfo(sType: StructureType.BufferViewCreateInfo, buffer: buffer.Handle, format: Format.R32Uint,
            offset: 0, range: Vk.WholeSize);
        BufferView view;
        Check(gpu.Vk.CreateBufferView(gpu.Device, &info, null, &view));
        Handle = view;
    }

    public void Dispose()
    {
        if (Handle.Handle != 0)
            _gpu.Vk.DestroyBufferView(_gpu.Device, Handle, null);
        Handle = default;
    }
}
