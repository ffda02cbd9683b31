using Silk.NET.Vulkan;

namespace LvaeLive.Render.Vulkan;

/// <summary>The few global memory barriers the canvas needs, each named by what it orders.</summary>
public static unsafe class Barriers
{
    /// <summary>Earlier compute writes (and clears/fills) become visible to later compute reads and writes.</summary>
    public static void ComputeThenCompute(Vk vk, CommandBuffer cmd) =>
        Global(vk, cmd, PipelineStageFlags.ComputeShaderBit | PipelineStageFlags.TransferBit, PipelineStageFlags.ComputeShaderBit,
            AccessFlags.ShaderWriteBit | AccessFlags.TransferWriteBit, AccessFlags.ShaderReadBit | AccessFlags.ShaderWriteBit);

    private static void Global(Vk vk, CommandBuffer cmd, PipelineStageFlags from, PipelineStageFlags to, AccessFlags source, AccessFlags destination)
    {
        var barrier = Init.Memory(source, destination);
        vk.CmdPipelineBarrier(cmd, from, to, 0, 1, &barrier, 0, null, 0, null);
    }
}
