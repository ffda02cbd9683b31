using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;
using Buffer = Silk.NET.Vulkan.Buffer;

namespace LvaeLive.Render.Pipelines;

/// <summary>
/// One descriptor set layout shared by a family of compute pipelines, its pool, one set per frame in flight, and the
/// pipeline layout (that set plus a push-constant block). Pipelines with the same layout keep the set bound when the
/// pipeline changes, so a frame binds it once.
/// </summary>
public sealed unsafe class ComputeLayout : IDisposable
{
    /// <summary>The push-constant size every Vulkan device supports.</summary>
    public const uint MaxPushConstantBytes = 128;

    private readonly GpuContext _gpu;
    private readonly DescriptorType[] _bindings;
    private readonly DescriptorSet[] _sets = new DescriptorSet[FrameRing.FramesInFlight];
    private DescriptorSetLayout _setLayout;
    private DescriptorPool _pool;

    public PipelineLayout Handle { get; private set; }

    public ComputeLayout(GpuContext gpu, IReadOnlyList<DescriptorType> bindings)
    {
        _gpu = gpu;
        _bindings = [.. bindings];
        var vk = gpu.Vk;
        try
        {
            var layoutBindings = stackalloc DescriptorSetLayoutBinding[_bindings.Length];
            for (var index = 0; index < _bindings.Length; index++)
                layoutBindings[index] = new DescriptorSetLayoutBinding((uint)index, _bindings[index], 1, ShaderStageFlags.ComputeBit);
            var setInfo = new DescriptorSetLayoutCreateInfo(sType: StructureType.DescriptorSetLayoutCreateInfo, bindingCount: (uint)_bindings.Length, pBindings: layoutBindings);
            DescriptorSetLayout setLayout;
            Check(vk.CreateDescriptorSetLayout(gpu.Device, &setInfo, null, &setLayout));
            _setLayout = setLayout;

            var sizes = _bindings.GroupBy(type => type).Select(group => new DescriptorPoolSize(group.Key, (uint)(group.Count() * FrameRing.FramesInFlight))).ToArray();
            fixed (DescriptorPoolSize* pSizes = sizes)
            {
                var poolInfo = new DescriptorPoolCreateInfo(sType: StructureType.DescriptorPoolCreateInfo, maxSets: FrameRing.FramesInFlight,
                    poolSizeCount: (uint)sizes.Length, pPoolSizes: pSizes);
                DescriptorPool pool;
                Check(vk.CreateDescriptorPool(gpu.Device, &poolInfo, null, &pool));
                _pool = pool;
            }

            var setLayouts = stackalloc DescriptorSetLayout[FrameRing.FramesInFlight];
            for (var index = 0; index < FrameRing.FramesInFlight; index++)
                setLayouts[index] = setLayout;
            var allocate = new DescriptorSetAllocateInfo(sType: StructureType.DescriptorSetAllocateInfo, descriptorPool: _pool,
                descriptorSetCount: FrameRing.FramesInFlight, pSetLayouts: setLayouts);
            fixed (DescriptorSet* pSets = _sets)
                Check(vk.AllocateDescriptorSets(gpu.Device, &allocate, pSets));

            var pushRange = new PushConstantRange(ShaderStageFlags.ComputeBit, 0, MaxPushConstantBytes);
            var layoutInfo = new PipelineLayoutCreateInfo(sType: StructureType.PipelineLayoutCreateInfo, setLayoutCount: 1, pSetLayouts: &setLayout,
                pushConstantRangeCount: 1, pPushConstantRanges: &pushRange);
            PipelineLayout layout;
            Check(vk.CreatePipelineLayout(gpu.Device, &layoutInfo, null, &layout));
            Handle = layout;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Points a storage-image binding of one slot's set at a view; only while that slot is not in flight.</summary>
    public void WriteImage(FrameSlot slot, uint binding, ImageView view)
    {
        var imageInfo = new DescriptorImageInfo(imageView: view, imageLayout: ImageLayout.General);
        var write = new WriteDescriptorSet(sType: StructureType.WriteDescriptorSet, dstSet: _sets[slot.Index], dstBinding: binding,
            descriptorCount: 1, descriptorType: _bindings[binding], pImageInfo: &imageInfo);
        _gpu.Vk.UpdateDescriptorSets(_gpu.Device, 1, &write, 0, null);
    }

    /// <summary>Points a storage-buffer binding of one slot's set at a buffer; only while that slot is not in flight.</summary>
    public void WriteBuffer(FrameSlot slot, uint binding, Buffer buffer)
    {
        var bufferInfo = new DescriptorBufferInfo(buffer, 0, Vk.WholeSize);
        var write = new WriteDescriptorSet(sType: StructureType.WriteDescriptorSet, dstSet: _sets[slot.Index], dstBinding: binding,
            descriptorCount: 1, descriptorType: _bindings[binding], pBufferInfo: &bufferInfo);
        _gpu.Vk.UpdateDescriptorSets(_gpu.Device, 1, &write, 0, null);
    }

    /// <summary>Points a texel-buffer binding of one slot's set at a buffer view; only while that slot is not in flight.</summary>
    public void WriteTexels(FrameSlot slot, uint binding, BufferView view)
    {
        var write = new WriteDescriptorSet(sType: StructureType.WriteDescriptorSet, dstSet: _sets[slot.Index], dstBinding: binding,
            descriptorCount: 1, descriptorType: _bindings[binding], pTexelBufferView: &view);
        _gpu.Vk.UpdateDescriptorSets(_gpu.Device, 1, &write, 0, null);
    }

    public void Bind(FrameSlot slot)
    {
        var set = _sets[slot.Index];
        _gpu.Vk.CmdBindDescriptorSets(slot.Commands, PipelineBindPoint.Compute, Handle, 0, 1, &set, 0, null);
    }

    public void Dispose()
    {
        var vk = _gpu.Vk;
        if (Handle.Handle != 0)
            vk.DestroyPipelineLayout(_gpu.Device, Handle, null);
        // Destroying the pool frees its sets.
        if (_pool.Handle != 0)
            vk.DestroyDescriptorPool(_gpu.Device, _pool, null);
        if (_setLayout.Handle != 0)
            vk.DestroyDescriptorSetLayout(_gpu.Device, _setLayout, null);
        Handle = default;
        _pool = default;
        _setLayout = default;
    }
}
