using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;
using Semaphore = Silk.NET.Vulkan.Semaphore;

namespace LvaeLive.Render.Presentation;

/// <summary>A fixed number of binary semaphores (one per swapchain image, or per frame in flight); owns them.</summary>
internal sealed unsafe class SemaphoreSet : IDisposable
{
    private readonly GpuContext _gpu;
    private readonly Semaphore[] _semaphores;

    public SemaphoreSet(GpuContext gpu, int count)
    {
        _gpu = gpu;
        _semaphores = new Semaphore[count];
        var info = new SemaphoreCreateInfo(sType: StructureType.SemaphoreCreateInfo);
        try
        {
            for (var index = 0; index < count; index++)
                fixed (Semaphore* semaphore = &_semaphores[index])
                    Check(gpu.Vk.CreateSemaphore(gpu.Device, &info, null, semaphore));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Semaphore this[int index] => _semaphores[index];

    /// <summary>Only once no submit or present waits on them: the owner waits for the device to be idle first.</summary>
    public void Dispose()
    {
        for (var index = _semaphores.Length - 1; index >= 0; index--)
            if (_semaphores[index].Handle != 0)
            {
                _gpu.Vk.DestroySemaphore(_gpu.Device, _semaphores[index], null);
                _semaphores[index] = default;
            }
    }
}
