using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;

namespace LvaeLive.Render.Pipelines;

/// <summary>
/// One compute pipeline built from SPIR-V, with typed push constants <typeparamref name="TPush"/>. Owns its shader
/// module and pipeline; the layout belongs to the caller.
/// </summary>
public sealed unsafe class ComputePipeline<TPush> : IDisposable where TPush : unmanaged
{
    private readonly GpuContext _gpu;
    private readonly ComputeLayout _layout;
    private ShaderModule _module;
    private Pipeline _pipeline;

    public string Name { get; }

    public ComputePipeline(GpuContext gpu, ComputeLayout layout, string name, ReadOnlySpan<byte> spirv)
    {
        if (sizeof(TPush) > ComputeLayout.MaxPushConstantBytes)
            throw new ArgumentException($"{typeof(TPush).Name} has {sizeof(TPush)} bytes of push constants; the limit is {ComputeLayout.MaxPushConstantBytes}");
        if (spirv.Length == 0 || spirv.Length % 4 != 0 || BitConverter.ToUInt32(spirv[..4]) != 0x07230203)
            throw new InvalidDataException($"shader '{name}' is not SPIR-V ({spirv.Length} bytes); rebuild the project so glslc compiles shaders/{name}.comp");
        _gpu = gpu;
        _layout = layout;
        Name = name;
        var vk = gpu.Vk;
        fixed (byte* code = spirv)
        {
            var moduleInfo = new ShaderModuleCreateInfo(sType: StructureType.ShaderModuleCreateInfo, codeSize: (nuint)spirv.Length, pCode: (uint*)code);
            ShaderModule module;
            Check(vk.CreateShaderModule(gpu.Device, &moduleInfo, null, &module));
            _module = module;
        }
        try
        {
            var entry = "main"u8;
            fixed (byte* entryName = entry)
            {
                var stage = new PipelineShaderStageCreateInfo(sType: StructureType.PipelineShaderStageCreateInfo, stage: ShaderStageFlags.ComputeBit,
                    module: _module, pName: entryName);
                var info = new ComputePipelineCreateInfo(sType: StructureType.ComputePipelineCreateInfo, stage: stage, layout: layout.Handle);
                Pipeline pipeline;
                Check(vk.CreateComputePipelines(gpu.Device, default, 1, &info, null, &pipeline));
                _pipeline = pipeline;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Binds this pipeline, pushes its constants and dispatches; the layout's set must already be bound.</summary>
    public void Dispatch(FrameSlot slot, in TPush push, uint groupsX, uint groupsY = 1, uint groupsZ = 1)
    {
        if (groupsX == 0 || groupsY == 0 || groupsZ == 0)
            return;
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        vk.CmdBindPipeline(cmd, PipelineBindPoint.Compute, _pipeline);
        var copy = push;
        vk.CmdPushConstants(cmd, _layout.Handle, ShaderStageFlags.ComputeBit, 0, (uint)sizeof(TPush), &copy);
        vk.CmdDispatch(cmd, groupsX, groupsY, groupsZ);
    }

    public void Dispose()
    {
        var vk = _gpu.Vk;
        if (_pipeline.Handle != 0)
            vk.DestroyPipeline(_gpu.Device, _pipeline, null);
        if (_module.Handle != 0)
            vk.DestroyShaderModule(_gpu.Device, _module, null);
        _pipeline = default;
        _module = default;
    }
}
