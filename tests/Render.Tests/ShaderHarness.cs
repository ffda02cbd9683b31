using System.Runtime.InteropServices;
using LvaeLive.Imaging.Text;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Pipelines;
using LvaeLive.Render.Targets;
using LvaeLive.Render.Vulkan;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Render.Tests;

/// <summary>
/// One pipeline at a time on a black offscreen image (the computeheadless pattern): upload words, dispatch, read the
/// image and the splat buffer back. Validation is on and must stay silent.
/// </summary>
internal sealed unsafe class ShaderHarness : IDisposable
{
    public ValidationLog Log { get; } = new();
    public GpuContext Gpu { get; }
    public FrameRing Frames { get; }
    public OffscreenTarget Target { get; }
    public ComputeLayout Layout { get; }
    public GpuBuffer Upload { get; }
    public TexelView UploadTexels { get; }
    public GpuBuffer Glyphs { get; }
    public GpuBuffer Splat { get; }
    public GlyphAtlas Atlas { get; }
    public int Width => (int)Target.Extent.Width;
    public int Height => (int)Target.Extent.Height;

    public ShaderHarness(int width = 96, int height = 64)
    {
        Gpu = GpuContext.Create(Log.Options);
        Frames = new FrameRing(Gpu);
        Target = new OffscreenTarget(Gpu, Frames, new Extent2D((uint)width, (uint)height)) { ReadBack = true };
        Layout = CanvasBindings.CreateLayout(Gpu);
        Upload = new GpuBuffer(Gpu, 1 << 20, BufferUsageFlags.UniformTexelBufferBit, BufferKind.Upload);
        UploadTexels = new TexelView(Gpu, Upload);
        Atlas = GlyphAtlas.Rasterise([13f]);
        Glyphs = new GpuBuffer(Gpu, (ulong)Atlas.Coverage.Length, BufferUsageFlags.StorageBufferBit | BufferUsageFlags.TransferDstBit, BufferKind.DeviceLocal);
        Glyphs.UploadOnce(Atlas.Coverage);
        Splat = new GpuBuffer(Gpu, CanvasResources.SplatBytes(new Int2(width, height)), BufferUsageFlags.StorageBufferBit | BufferUsageFlags.TransferDstBit, BufferKind.Readback);
    }

    public Span<uint> Words => MemoryMarshal.Cast<byte, uint>(Upload.Mapped);

    /// <summary>Clears the image to black and the splat buffer to zero, runs <paramref name="dispatch"/>, and returns the pixels.</summary>
    public byte[] Run(Action<FrameSlot> dispatch)
    {
        var slot = Frames.BeginFrame();
        var vk = Gpu.Vk;
        Target.RecordBegin(slot);
        var black = new ClearColorValue(0f, 0f, 0f, 1f);
        var range = Init.ColorRange;
        vk.CmdClearColorImage(slot.Commands, Target.Image, ImageLayout.General, &black, 1, &range);
        vk.CmdFillBuffer(slot.Commands, Splat.Handle, 0, Vk.WholeSize, 0);
        Barriers.ComputeThenCompute(vk, slot.Commands);
        Layout.WriteImage(slot, CanvasBindings.CanvasImage, Target.View);
        Layout.WriteTexels(slot, CanvasBindings.FrameData, UploadTexels.Handle);
        Layout.WriteBuffer(slot, CanvasBindings.GlyphData, Glyphs.Handle);
        Layout.WriteBuffer(slot, CanvasBindings.SplatData, Splat.Handle);
        Layout.Bind(slot);
        dispatch(slot);
        // The splat buffer is read by the host too.
        var toHost = Init.Memory(AccessFlags.ShaderWriteBit, AccessFlags.HostReadBit);
        vk.CmdPipelineBarrier(slot.Commands, PipelineStageFlags.ComputeShaderBit, PipelineStageFlags.HostBit, 0, 1, &toHost, 0, null, 0, null);
        Target.RecordEnd(slot);
        Frames.Submit(slot);
        var pixels = new byte[OffscreenTarget.ByteCount(Target.Extent)];
        Target.ReadPixels(slot, pixels);
        Splat.InvalidateForHostRead();
        return pixels;
    }

    public ReadOnlySpan<uint> SplatWords => MemoryMarshal.Cast<byte, uint>(Splat.Mapped);

    public void Dispose()
    {
        Splat.Dispose();
        Glyphs.Dispose();
        UploadTexels.Dispose();
        Upload.Dispose();
        Layout.Dispose();
        Target.Dispose();
        Frames.Dispose();
        Gpu.Dispose();
        Log.AssertClean();
    }
}
