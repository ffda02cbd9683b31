using LvaeLive.Render.Gpu;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Frames;

/// <summary>
/// One frame in flight: its command buffer, the fence that says the GPU is done with it, and two timestamp queries
/// around its work. Resources indexed by <see cref="Index"/> (upload and read-back buffers, descriptor sets) may be
/// touched by the host only after <see cref="WaitUntilDone"/>.
/// </summary>
public sealed unsafe class FrameSlot : IDisposable
{
    private readonly GpuContext _gpu;
    private Fence _fence;
    private QueryPool _timestamps;
    private bool _submitted;
    private bool _timed;

    public int Index { get; }
    public CommandBuffer Commands { get; }

    /// <summary>GPU milliseconds between the first and last command of this slot's latest finished frame, when timestamps exist.</summary>
    public double? LastGpuMilliseconds { get; private set; }

    internal FrameSlot(GpuContext gpu, int index, CommandBuffer commands)
    {
        _gpu = gpu;
        Index = index;
        Commands = commands;
        var fenceInfo = Init.Fence(signalled: false);
        Fence fence;
        Check(gpu.Vk.CreateFence(gpu.Device, &fenceInfo, null, &fence));
        _fence = fence;
        if (gpu.TimestampPeriodNs is not null)
        {
            var queryInfo = new QueryPoolCreateInfo(sType: StructureType.QueryPoolCreateInfo, queryType: QueryType.Timestamp, queryCount: 2);
            QueryPool pool;
            Check(gpu.Vk.CreateQueryPool(gpu.Device, &queryInfo, null, &pool));
            _timestamps = pool;
        }
    }

    /// <summary>Waits for this slot's previous frame (if any), reads its timestamps, and starts recording a new one.</summary>
    internal void Begin()
    {
        WaitUntilDone();
        var vk = _gpu.Vk;
        var fence = _fence;
        Check(vk.ResetFences(_gpu.Device, 1, &fence));
        Check(vk.ResetCommandBuffer(Commands, 0));
        var begin = Init.OneTimeBegin();
        Check(vk.BeginCommandBuffer(Commands, &begin));
        if (_timestamps.Handle != 0)
        {
            vk.CmdResetQueryPool(Commands, _timestamps, 0, 2);
            vk.CmdWriteTimestamp(Commands, PipelineStageFlags.TopOfPipeBit, _timestamps, 0);
        }
    }

    /// <summary>Ends recording and submits; with semaphores, the work starts at <paramref name="waitStage"/> once
    /// <paramref name="wait"/> is signalled (an acquired swapchain image) and signals <paramref name="signal"/> when done (for present).</summary>
    internal void Submit(Semaphore wait = default, PipelineStageFlags waitStage = 0, Semaphore signal = default)
    {
        var vk = _gpu.Vk;
        if (_timestamps.Handle != 0)
            vk.CmdWriteTimestamp(Commands, PipelineStageFlags.BottomOfPipeBit, _timestamps, 1);
        Check(vk.EndCommandBuffer(Commands));
        var commands = Commands;
        var waits = wait.Handle != 0 ? 1u : 0u;
        var signals = signal.Handle != 0 ? 1u : 0u;
        var submit = new SubmitInfo(sType: StructureType.SubmitInfo, waitSemaphoreCount: waits, pWaitSemaphores: &wait,
            pWaitDstStageMask: &waitStage, commandBufferCount: 1, pCommandBuffers: &commands, signalSemaphoreCount: signals, pSignalSemaphores: &signal);
        Check(vk.QueueSubmit(_gpu.Queue, 1, &submit, _fence));
        _submitted = true;
        _timed = _timestamps.Handle != 0;
    }

    /// <summary>Blocks until the GPU has finished this slot's last submitted frame; then its resources are the host's.</summary>
    public void WaitUntilDone()
    {
        if (!_submitted)
            return;
        _gpu.WaitForFence(_fence);
        _submitted = false;
        if (_timed)
            LastGpuMilliseconds = ReadTimestamps();
    }

    private double ReadTimestamps()
    {
        var ticks = stackalloc ulong[2];
        Check(_gpu.Vk.GetQueryPoolResults(_gpu.Device, _timestamps, 0, 2, 2 * sizeof(ulong), ticks, sizeof(ulong), QueryResultFlags.Result64Bit));
        return (ticks[1] - ticks[0]) * _gpu.TimestampPeriodNs!.Value / 1e6;
    }

    public void Dispose()
    {
        var vk = _gpu.Vk;
        if (_timestamps.Handle != 0)
            vk.DestroyQueryPool(_gpu.Device, _timestamps, null);
        if (_fence.Handle != 0)
            vk.DestroyFence(_gpu.Device, _fence, null);
        _timestamps = default;
        _fence = default;
        _submitted = false;
    }
}
