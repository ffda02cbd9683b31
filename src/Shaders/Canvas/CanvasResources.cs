using LvaeLive.Imaging.Text;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Memory;
using LvaeLive.Render.Pipelines;
using LvaeLive.Shaders.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// The buffers behind the canvas bindings: one persistently mapped upload buffer per frame in flight, the glyph atlas
/// (re-rasterised only when the font sizes change) and the splat accumulation buffer (grown only when the map grows).
/// Keeps each slot's descriptor set pointing at the current ones.
/// </summary>
internal sealed class CanvasResources : IDisposable
{
    /// <summary>Upload words per frame: every limit at once, so no valid frame can overflow.</summary>
    public const int UploadWords =
        2 * CanvasLimits.MaxDigits * TilesPipeline.ImagePixels // A race's two grids.
        + 2 * CanvasLimits.MaxHeads * TilesPipeline.ImagePixels
        + 2 * CanvasLimits.MaxReconstructionPairs * 2 * TilesPipeline.ImagePixels // A race's two halves.
        + 2 * CanvasLimits.MaxMapPoints * 3 // A race's two maps.
        + CanvasComposer.MovingWords
        + CanvasLimits.MaxPlots * CanvasLimits.MaxSeriesPerPlot * (CanvasLimits.MaxSamplesPerSeries + CurvesPipeline.WordsPerSeries)
        + CanvasComposer.GlyphBatches * CanvasLimits.MaxGlyphsPerBatch * TextPipeline.WordsPerGlyph
        + 64;

    private readonly GpuContext _gpu;
    private readonly FrameRing _frames;
    private readonly ComputeLayout _layout;
    private readonly GpuBuffer[] _uploadBuffers = new GpuBuffer[FrameRing.FramesInFlight];
    private readonly TexelView[] _uploadTexels = new TexelView[FrameRing.FramesInFlight];
    private GpuBuffer? _glyphBuffer;
    private GpuBuffer? _splatBuffer;
    private (float Body, float Title, float Caption) _faceSizes;

    public FrameUpload[] Uploads { get; } = new FrameUpload[FrameRing.FramesInFlight];
    public GlyphAtlas? Atlas { get; private set; }
    public GpuBuffer Splat => _splatBuffer ?? throw new InvalidOperationException("no splat buffer yet");

    public CanvasResources(GpuContext gpu, FrameRing frames, ComputeLayout layout)
    {
        _gpu = gpu;
        _frames = frames;
        _layout = layout;
        for (var index = 0; index < _uploadBuffers.Length; index++)
        {
            _uploadBuffers[index] = new GpuBuffer(gpu, UploadWords * 4UL, BufferUsageFlags.UniformTexelBufferBit, BufferKind.Upload);
            _uploadTexels[index] = new TexelView(gpu, _uploadBuffers[index]);
            Uploads[index] = new FrameUpload(_uploadBuffers[index]);
        }
    }

    /// <summary>Makes the atlas hold the layout's faces; rasterises (and waits for the GPU) only when they changed.</summary>
    public GlyphAtlas EnsureAtlas(CanvasLayout layout)
    {
        var sizes = (layout.BodyPixels, layout.TitlePixels, layout.CaptionPixels);
        if (Atlas is not null && _faceSizes == sizes)
            return Atlas;
        var atlas = GlyphAtlas.Rasterise(layout.FaceRequests);
        _frames.WaitAll();
        _glyphBuffer?.Dispose();
        _glyphBuffer = new GpuBuffer(_gpu, (ulong)atlas.Coverage.Length, BufferUsageFlags.StorageBufferBit | BufferUsageFlags.TransferDstBit, BufferKind.DeviceLocal);
        _glyphBuffer.UploadOnce(atlas.Coverage);
        _faceSizes = sizes;
        Atlas = atlas;
        return atlas;
    }

    /// <summary>Bytes of the map accumulation for a plot of this size: splat sums, then trail coverage, then block flags.</summary>
    public static ulong SplatBytes(Int2 size) =>
        ((ulong)Math.Max(size.X * size.Y, 1) * (SplatPipeline.WordsPerPixel + TrailPipeline.WordsPerPixel) + (ulong)ResolvePipeline.BlockCount(size)) * 4;

    /// <summary>Makes the splat buffer hold at least a plot of this size; grows (and waits for the GPU) only when needed.</summary>
    public void EnsureSplat(Int2 size)
    {
        var bytes = SplatBytes(size);
        if (_splatBuffer is not null && _splatBuffer.Size >= bytes)
            return;
        _frames.WaitAll();
        _splatBuffer?.Dispose();
        _splatBuffer = new GpuBuffer(_gpu, bytes, BufferUsageFlags.StorageBufferBit | BufferUsageFlags.TransferDstBit, BufferKind.DeviceLocal);
    }

    /// <summary>
    /// Points the slot's set at the current target and buffers and binds it. Rewritten every frame (four writes, no
    /// allocation) because a re-created image or buffer can reuse a destroyed one's handle value. The slot's fence
    /// has been waited, so its set is not in use.
    /// </summary>
    public void Bind(FrameSlot slot, ImageView target)
    {
        _layout.WriteImage(slot, CanvasBindings.CanvasImage, target);
        _layout.WriteTexels(slot, CanvasBindings.FrameData, _uploadTexels[slot.Index].Handle);
        _layout.WriteBuffer(slot, CanvasBindings.GlyphData, (_glyphBuffer ?? throw new InvalidOperationException("no glyph atlas yet")).Handle);
        _layout.WriteBuffer(slot, CanvasBindings.SplatData, Splat.Handle);
        _layout.Bind(slot);
    }

    public void Dispose()
    {
        _splatBuffer?.Dispose();
        _glyphBuffer?.Dispose();
        for (var index = _uploadBuffers.Length - 1; index >= 0; index--)
        {
            _uploadTexels[index]?.Dispose();
            _uploadBuffers[index]?.Dispose();
        }
        _splatBuffer = null;
        _glyphBuffer = null;
    }
}
