using System.Numerics;
using System.Runtime.InteropServices;
using LvaeLive.Imaging.Text;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;
using LvaeLive.Render.Targets;
using LvaeLive.Render.Vulkan;
using LvaeLive.Shaders.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Draws a <see cref="CanvasFrame"/> into a render target: has the <see cref="CanvasComposer"/> lay it out and write
/// its data into the slot's upload buffer, then records the compute passes in an order whose barriers keep
/// overlapping passes apart: the panel chrome (cached, see <see cref="PanelChrome"/>), then panel contents (tiles,
/// splats, trail), then map resolve and curves, then map markers and text, then the caption and the help overlay.
/// </summary>
public sealed class CanvasRenderer : IDisposable
{
    private readonly GpuContext _gpu;
    private readonly ComputeLayout _layout;
    private readonly PanelPipeline _panels;
    private readonly TilesPipeline _tiles;
    private readonly SplatPipeline _splat;
    private readonly TrailPipeline _trail;
    private readonly ResolvePipeline _resolve;
    private readonly MarkersPipeline _markers;
    private readonly CurvesPipeline _curves;
    private readonly TextPipeline _text;
    private readonly CanvasResources _resources;
    private readonly PanelChrome _chrome;

    private readonly CanvasComposer _composer = new();

    public CanvasRenderer(GpuContext gpu, FrameRing frames)
    {
        _gpu = gpu;
        _layout = CanvasBindings.CreateLayout(gpu);
        try
        {
            _panels = new PanelPipeline(gpu, _layout);
            _tiles = new TilesPipeline(gpu, _layout);
            _splat = new SplatPipeline(gpu, _layout);
            _trail = new TrailPipeline(gpu, _layout);
            _resolve = new ResolvePipeline(gpu, _layout);
            _markers = new MarkersPipeline(gpu, _layout);
            _curves = new CurvesPipeline(gpu, _layout);
            _text = new TextPipeline(gpu, _layout);
            _resources = new CanvasResources(gpu, frames, _layout);
            _chrome = new PanelChrome(gpu, frames, _panels);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The atlas of the latest frame's font sizes (tests composite reference text from it).</summary>
    public GlyphAtlas? Atlas => _resources.Atlas;

    /// <summary>Where the latest frame drew the digit grid and the map, for pointer input.</summary>
    public CanvasPlacement Placement => _composer.Placement;

    /// <summary>Every panel, tile grid and text box the latest frame placed.</summary>
    public CanvasBoxes Boxes => _composer.Boxes;

    /// <summary>Records the whole canvas into the slot's command buffer (between FrameRing.BeginFrame and Submit).</summary>
    public void Draw(FrameSlot slot, IRenderTarget target, CanvasFrame frame)
    {
        CanvasLimits.Validate(frame);
        var layout = CanvasLayout.For(frame, target.Extent);
        _composer.Compose(frame, layout, _resources.Uploads[slot.Index], _resources.EnsureAtlas(layout), _gpu.DeviceName);
        _resources.EnsureSplat(_composer.SplatSize);
        Record(slot, target);
    }

    private unsafe void Record(FrameSlot slot, IRenderTarget target)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var work = _composer;
        target.RecordBegin(slot);
        if (work.SplatPass is not null)
            vk.CmdFillBuffer(cmd, _resources.Splat.Handle, 0, CanvasResources.SplatBytes(work.SplatSize), 0);
        _resources.Bind(slot, target.View);
        _chrome.Record(slot, target, work.BackPanels, work.InnerPanels);
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("chrome");

        foreach (var grid in work.TileGrids)
            _tiles.Record(slot, grid);
        slot.MarkPass("tiles");
        if (work.SplatPass is { } splat)
            _splat.Record(slot, splat);
        slot.MarkPass("splat");
        if (work.TrailPass is { } trail)
            _trail.Record(slot, trail, TrailPixels(slot, trail));
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("trail");

        if (work.ResolvePass is { } resolve)
            _resolve.Record(slot, resolve);
        slot.MarkPass("resolve");
        foreach (var plot in work.Plots)
            _curves.Record(slot, plot);
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("curves");

        // Markers stay inside the map's plot, where no text goes.
        if (work.MarkersPass is { } markers)
            _markers.Record(slot, markers);
        slot.MarkPass("markers");
        for (var batch = 0; batch < work.PanelText.Count; batch++)
            _text.Record(slot, work.PanelText[batch].Push);
        slot.MarkPass("text");
        // A talk's caption sits on a panel of its own over the others; the presenter view's notes sit on their panel.
        if (work.CaptionPanel is { } caption)
        {
            Barriers.ComputeThenCompute(vk, cmd);
            _panels.Record(slot, caption);
        }
        if (work.CaptionText.Count > 0)
        {
            Barriers.ComputeThenCompute(vk, cmd);
            _text.Record(slot, work.CaptionText.Push);
            slot.MarkPass("caption");
        }
        if (work.OverlayPanel is { } overlay)
        {
            Barriers.ComputeThenCompute(vk, cmd);
            _panels.Record(slot, overlay);
            Barriers.ComputeThenCompute(vk, cmd);
            for (var batch = 0; batch < work.OverlayText.Count; batch++)
                _text.Record(slot, work.OverlayText[batch].Push);
            slot.MarkPass("help overlay");
        }
        target.RecordEnd(slot);
        slot.MarkPass("read-back copy");
    }

    /// <summary>The trail's points in map pixels, as this frame uploaded them.</summary>
    private ReadOnlySpan<Vector2> TrailPixels(FrameSlot slot, in TrailPush trail) =>
        MemoryMarshal.Cast<uint, Vector2>(_resources.Uploads[slot.Index].WordsAt(trail.PointOffset, 2 * trail.PointCount));

    public void Dispose()
    {
        _chrome?.Dispose();
        _resources?.Dispose();
        _text?.Dispose();
        _curves?.Dispose();
        _markers?.Dispose();
        _resolve?.Dispose();
        _trail?.Dispose();
        _splat?.Dispose();
        _tiles?.Dispose();
        _panels?.Dispose();
        _layout.Dispose();
    }
}
