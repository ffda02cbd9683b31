using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Frames;

/// <summary>
/// Two frames in flight: while the GPU works on one slot, the host fills the other. Owns the command pool and the slots.
/// </summary>
public sealed unsafe class FrameRing : IDisposable
{
    public const int FramesInFlight = 2;

    private readonly GpuContext _gpu;
    private readonly FrameSlot[] _slots = new FrameSlot[FramesInFlight];
    private CommandPool _pool;
    private long _frameNumber;
    private FrameSlot? _recording;

    public FrameRing(GpuContext gpu)
    {
        _gpu = gpu;
        var poolInfo = new CommandPoolCreateInfo(sType: StructureType.CommandPoolCreateInfo,
            flags: CommandPoolCreateFlags.ResetCommandBufferBit, queueFamilyIndex: gpu.QueueFamily);
        CommandPool pool;
        Check(gpu.Vk.CreateCommandPool(gpu.Device, &poolInfo, null, &pool));
        _pool = pool;
        var allocate = new CommandBufferAllocateInfo(sType: StructureType.CommandBufferAllocateInfo, commandPool: pool,
            level: CommandBufferLevel.Primary, commandBufferCount: FramesInFlight);
        var buffers = stackalloc CommandBuffer[FramesInFlight];
        Check(gpu.Vk.AllocateCommandBuffers(gpu.Device, &allocate, buffers));
        for (var index = 0; index < FramesInFlight; index++)
            _slots[index] = new FrameSlot(gpu, index, buffers[index]);
    }

    /// <summary>Waits for the next slot to be free and starts recording into it.</summary>
    public FrameSlot BeginFrame()
    {
        if (_recording is not null)
            throw new InvalidOperationException("the previous frame was begun but never submitted");
        var slot = Next;
        slot.Begin(_frameNumber);
        _recording = slot;
        return slot;
    }

    /// <summary>The slot the next <see cref="BeginFrame"/> returns (a swapchain acquire uses its semaphore first).</summary>
    public FrameSlot Next => _slots[_frameNumber % FramesInFlight];

    public void Submit(FrameSlot slot) => Submit(slot, default, 0, default);

    /// <summary>Submits the slot's frame once <paramref name="wait"/> is signalled, at <paramref name="waitStage"/>; signals <paramref name="signal"/> when done.</summary>
    public void Submit(FrameSlot slot, Semaphore wait, PipelineStageFlags waitStage, Semaphore signal)
    {
        if (!ReferenceEquals(slot, _recording))
            throw new InvalidOperationException("only the frame being recorded can be submitted");
        slot.Submit(wait, waitStage, signal);
        _recording = null;
        _frameNumber++;
    }

    /// <summary>Waits for every slot, so that resources they use can be replaced (target resize) or destroyed.</summary>
    public void WaitAll()
    {
        foreach (var slot in _slots)
            slot.WaitUntilDone();
    }

    public void Dispose()
    {
        if (_pool.Handle == 0)
            return;
        _gpu.WaitIdle();
        foreach (var slot in _slots)
            slot.Dispose();
        // Destroying the pool frees the slots' command buffers.
        _gpu.Vk.DestroyCommandPool(_gpu.Device, _pool, null);
        _pool = default;
    }
}
