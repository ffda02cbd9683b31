using LvaeLive.Render.Gpu;
using Silk.NET.Vulkan;
using static LvaeLive.Render.Vulkan.VulkanCheck;
using Buffer = Silk.NET.Vulkan.Buffer;

namespace LvaeLive.Render.Memory;

/// <summary>One VkBuffer and its own memory; host-visible kinds stay mapped until disposed.</summary>
public sealed unsafe class GpuBuffer : IDisposable
{
    private readonly GpuContext _gpu;
    private readonly bool _coherent;
    private DeviceMemory _memory;
    private byte* _mapped;

    public Buffer Handle { get; private set; }
    public ulong Size { get; }
    public BufferKind Kind { get; }

    public GpuBuffer(GpuContext gpu, ulong size, BufferUsageFlags usage, BufferKind kind)
    {
        if (size == 0)
            throw new ArgumentOutOfRangeException(nameof(size), "a buffer needs at least one byte");
        _gpu = gpu;
        Size = size;
        Kind = kind;
        var vk = gpu.Vk;
        var info = new BufferCreateInfo(sType: StructureType.BufferCreateInfo, size: size, usage: usage, sharingMode: SharingMode.Exclusive);
        Buffer buffer;
        Check(vk.CreateBuffer(gpu.Device, &info, null, &buffer));
        Handle = buffer;
        try
        {
            vk.GetBufferMemoryRequirements(gpu.Device, buffer, out var requirements);
            var (required, preferred) = kind switch
            {
                // Cached where the device offers it: the canvas reads its upload back to tell whether a kept layer still
                // holds, and reading write-combined memory is many times slower than reading cached memory.
                BufferKind.Upload => (MemoryPropertyFlags.HostVisibleBit | MemoryPropertyFlags.HostCoherentBit, MemoryPropertyFlags.HostCachedBit),
                BufferKind.Readback => (MemoryPropertyFlags.HostVisibleBit, MemoryPropertyFlags.HostCachedBit | MemoryPropertyFlags.HostCoherentBit),
                _ => (MemoryPropertyFlags.None, MemoryPropertyFlags.DeviceLocalBit),
            };
            var typeIndex = gpu.FindMemoryType(requirements.MemoryTypeBits, required, preferred);
            vk.GetPhysicalDeviceMemoryProperties(gpu.PhysicalDevice, out var memoryProperties);
            _coherent = memoryProperties.MemoryTypes[(int)typeIndex].PropertyFlags.HasFlag(MemoryPropertyFlags.HostCoherentBit);
            var allocate = new MemoryAllocateInfo(sType: StructureType.MemoryAllocateInfo, allocationSize: requirements.Size, memoryTypeIndex: typeIndex);
            DeviceMemory memory;
            Check(vk.AllocateMemory(gpu.Device, &allocate, null, &memory));
            _memory = memory;
            Check(vk.BindBufferMemory(gpu.Device, buffer, memory, 0));
            if (kind != BufferKind.DeviceLocal)
            {
                void* mapped;
                Check(vk.MapMemory(gpu.Device, memory, 0, Vk.WholeSize, 0, &mapped));
                _mapped = (byte*)mapped;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The persistently mapped bytes of a host-visible buffer.</summary>
    public Span<byte> Mapped => _mapped != null
        ? new Span<byte>(_mapped, checked((int)Size))
        : throw new InvalidOperationException($"a {Kind} buffer is not mapped");

    /// <summary>Makes GPU writes visible to the host where the memory is not coherent; call after the writing work's fence.</summary>
    public void InvalidateForHostRead()
    {
        if (_coherent)
            return;
        var range = new MappedMemoryRange(sType: StructureType.MappedMemoryRange, memory: _memory, offset: 0, size: Vk.WholeSize);
        Check(_gpu.Vk.InvalidateMappedMemoryRanges(_gpu.Device, 1, &range));
    }

    /// <summary>Copies bytes into a device-local buffer through a temporary staging buffer (start-up only).</summary>
    public void UploadOnce(ReadOnlySpan<byte> data)
    {
        if ((ulong)data.Length > Size)
            throw new ArgumentException($"{data.Length} bytes do not fit a buffer of {Size}");
        using var staging = new GpuBuffer(_gpu, (ulong)data.Length, BufferUsageFlags.TransferSrcBit, BufferKind.Upload);
        data.CopyTo(staging.Mapped);
        var target = Handle;
        var length = (ulong)data.Length;
        _gpu.SubmitAndWait(cmd =>
        {
            var region = new BufferCopy(0, 0, length);
            _gpu.Vk.CmdCopyBuffer(cmd, staging.Handle, target, 1, &region);
        });
    }

    public void Dispose()
    {
        var vk = _gpu.Vk;
        if (Handle.Handle != 0)
            vk.DestroyBuffer(_gpu.Device, Handle, null);
        Handle = default;
        if (_memory.Handle != 0)
        {
            if (_mapped != null)
                vk.UnmapMemory(_gpu.Device, _memory);
            vk.FreeMemory(_gpu.Device, _memory, null);
        }
        _memory = default;
        _mapped = null;
    }
}
