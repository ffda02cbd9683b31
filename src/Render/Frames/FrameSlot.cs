using LvaeLive.Render.Gpu;
using LvaeLive.Render.Vulkan;
using Silk.NET.Vulkan;
using Semaphore = Silk.NET.Vulkan.Semaphore;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Frames;

/// <summary>
/// One frame in flight: its command buffer, the fence that says the GPU is done with it, and timestamp queries at the
/// frame's start and after each named pass (<see cref="MarkPass"/>). Resources indexed by <see cref="Index"/> (upload and read-back buffers, descriptor sets) may be
/// touched by the host only after <see cref="WaitUntilDone"/>.
/// </summary>
public sealed unsafe class FrameSlot : IDisposable
{
    private readonly GpuContext _gpu;
    private Fence _fence;
    private QueryPool _timestamps;
    /// <summary>Passes one frame can time; marks beyond this are ignored (the frame total is still measured).</summary>
    public const int MaxPasses = 30;

    private readonly string[] _passNames = new string[MaxPasses];
    private readonly PassTime[] _lastPasses = new PassTime[MaxPasses];
    private int _passCount;
    private int _lastPassCount;
    private bool _submitted;
    private bool _timed;

    public int Index { get; }
    public CommandBuffer Commands { get; }

    /// <summary>The number of the latest frame begun in this slot (frames are numbered across the ring from 0); -1 before the first.</summary>
    public long Frame { get; private set; } = -1;

    /// <summary>GPU milliseconds between the first and last command of this slot's latest finished frame, when timestamps exist.</summary>
    public double? LastGpuMilliseconds { get; private set; }

    /// <summary>GPU milliseconds of each pass marked in this slot's latest finished frame, in recording order.</summary>
    public ReadOnlySpan<PassTime> LastPasses => _lastPasses.AsSpan(0, _lastPassCount);

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
            var queryInfo = new QueryPoolCreateInfo(sType: StructureType.QueryPoolCreateInfo, queryType: QueryType.Timestamp, queryCount: MaxPasses + 2);
            QueryPool pool;
            Check(gpu.Vk.CreateQueryPool(gpu.Device, &queryInfo, null, &pool));
            _timestamps = pool;
        }
    }

    /// <summary>Waits for this slot's previous frame (if any), reads its timestamps, and starts recording frame <paramref name="frame"/>.</summary>
    internal void Begin(long frame)
    {
        WaitUntilDone();
        Frame = frame;
        var vk = _gpu.Vk;
        var fence = _fence;
        Check(vk.ResetFences(_gpu.Device, 1, &fence));
        Check(vk.ResetCommandBuffer(Commands, 0));
        var begin = Init.OneTimeBegin();
        Check(vk.BeginCommandBuffer(Commands, &begin));
        _passCount = 0;
        if (_timestamps.Handle != 0)
        {
            vk.CmdResetQueryPool(Commands, _timestamps, 0, MaxPasses + 2);
            vk.CmdWriteTimestamp(Commands, PipelineStageFlags.TopOfPipeBit, _timestamps, 0);
        }
    }

    /// <summary>
    /// Ends a named pass: the GPU time from the previous mark (or the frame's start) to here is reported under
    /// <paramref name="name"/> in <see cref="LastPasses"/>. The timestamp waits for all earlier commands (bottom of pipe).
    /// </summary>
    public void MarkPass(string name)
    {
        if (_timestamps.Handle == 0 || _passCount == MaxPasses)
            return;
        _passNames[_passCount] = name;
        _passCount++;
        _gpu.Vk.CmdWriteTimestamp(Commands, PipelineStageFlags.BottomOfPipeBit, _timestamps, (uint)_passCount);
    }

    /// <summary>Ends recording and submits; with semaphores, the work starts at <paramref name="waitStage"/> once
    /// <paramref name="wait"/> is signalled (an acquired swapchain image) and signals <paramref name="signal"/> when done (for present).</summary>
    internal void Submit(Semaphore wait = default, PipelineStageFlags waitStage = 0, Semaphore signal = default)
    {
        var vk = _gpu.Vk;
        if (_timestamps.Handle != 0)
            vk.CmdWriteTimestamp(Commands, PipelineStageFlags.BottomOfPipeBit, _timestamps, (uint)_passCount + 1);
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
            ReadTimestamps();
    }

    private void ReadTimestamps()
    {
        var count = _passCount + 2;
        var ticks = stackalloc ulong[MaxPasses + 2];
        Check(_gpu.Vk.GetQueryPoolResults(_gpu.Device, _timestamps, 0, (uint)count, (nuint)(count * sizeof(ulong)), ticks, sizeof(ulong), QueryResultFlags.Result64Bit));
        var period = _gpu.TimestampPeriodNs!.Value / 1e6;
        for (var pass = 0; pass < _passCount; pass++)
            _lastPasses[pass] = new PassTime(_passNames[pass], (ticks[pass + 1] - ticks[pass]) * period);
        _lastPassCount = _passCount;
        LastGpuMilliseconds = (ticks[count - 1] - ticks[0]) * period;
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
