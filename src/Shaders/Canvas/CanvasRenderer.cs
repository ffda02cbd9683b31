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
/// its data into the slot's upload buffer, then records the compute passes. The canvas is drawn in layers by how often
/// they change, each below kept in a <see cref="CachedLayer"/> and restored with one image copy while its
/// <see cref="LayerKey"/> holds:
/// <list type="bullet">
/// <item>the chrome layer: background and panel rectangles (these change with the layout);</item>
/// <item>the map layer: the chrome layer with the map's splatted points (when the map is recomputed, every few
/// seconds);</item>
/// <item>the still layer: the map layer with the curves and the panel text (a few times a second);</item>
/// <item>every frame, on top: the tiles, the trail, the markers, the caption and the help overlay.</item>
/// </list>
/// A frame whose layers hold costs one copy and the last group's passes. Every frame draws the same passes in the same
/// order whether its layers were restored or drawn, so a restored frame has the pixels of one drawn whole.
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
    private readonly CachedLayer _chromeLayer;
    private readonly CachedLayer _mapLayer;
    private readonly CachedLayer _stillLayer;
    private readonly LayerKey _chromeKey = new();
    private readonly LayerKey _mapKey = new();
    private readonly LayerKey _stillKey = new();

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
            _chromeLayer = new CachedLayer(gpu, frames);
            _mapLayer = new CachedLayer(gpu, frames);
            _stillLayer = new CachedLayer(gpu, frames);
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
        var upload = _resources.Uploads[slot.Index];
        _composer.Compose(frame, layout, upload, _resources.EnsureAtlas(layout), _gpu.DeviceName);
        _composer.WriteKeys(_chromeKey, _mapKey, _stillKey, new Int2((int)target.Extent.Width, (int)target.Extent.Height), upload);
        _resources.EnsureSplat(_composer.SplatSize);
        Record(slot, target);
    }

    private unsafe void Record(FrameSlot slot, IRenderTarget target)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var work = _composer;
        target.RecordBegin(slot);
        _resources.Bind(slot, target.View);
        var drawChrome = !(_chromeLayer.HoldsSize(target.Extent) && _chromeKey.MatchesCapture);
        var drawMap = drawChrome || !(_mapLayer.HoldsSize(target.Extent) && _mapKey.MatchesCapture);
        var drawStill = drawMap || !(_stillLayer.HoldsSize(target.Extent) && _stillKey.MatchesCapture);
        if (drawChrome)
        {
            RecordChromeLayer(slot, target);
            _chromeKey.Captured();
        }
        else if (drawMap)
        {
            _chromeLayer.RecordRestore(slot, target);
            slot.MarkPass("chrome layer copy");
        }
        if (drawMap)
        {
            RecordMapLayer(slot);
            _mapLayer.RecordCapture(slot, target);
            _mapKey.Captured();
        }
        else if (drawStill)
        {
            _mapLayer.RecordRestore(slot, target);
            slot.MarkPass("map layer copy");
        }
        if (drawStill)
        {
            foreach (var plot in work.Plots)
                _curves.Record(slot, plot);
            // The curves and the map's resolve land before text blends over them (a race names its models inside the plots).
            Barriers.ComputeThenCompute(vk, cmd);
            slot.MarkPass("curves");
            // Panel text stays out of the tiles and the map's markers, so nothing drawn later needs to go under it.
            for (var batch = 0; batch < work.PanelText.Count; batch++)
                _text.Record(slot, work.PanelText[batch].Push);
            slot.MarkPass("text");
            _stillLayer.RecordCapture(slot, target);
            _stillKey.Captured();
        }
        else
        {
            _stillLayer.RecordRestore(slot, target);
            slot.MarkPass("still layer copy");
        }

        foreach (var grid in work.TileGrids)
            _tiles.Record(slot, grid);
        slot.MarkPass("tiles");
        if (work.TrailPass is { } trail && work.ResolvePass is { } resolve)
        {
            // The map's sums stay; only the coverage and block flags after them start again, so that the resolve
            // below visits the trail's blocks alone.
            var coverage = (ulong)trail.CoverageOffset * 4;
            vk.CmdFillBuffer(cmd, _resources.Splat.Handle, coverage, CanvasResources.SplatBytes(work.SplatSize) - coverage, 0);
            Barriers.ComputeThenCompute(vk, cmd);
            _trail.Record(slot, trail, TrailPixels(slot, trail));
            // The trail's coverage lands before the resolve reads it.
            Barriers.ComputeThenCompute(vk, cmd);
            _resolve.Record(slot, resolve with { Density = 0 });
            slot.MarkPass("trail");
        }

        // Markers stay inside the map's plot, where no text goes; the barrier orders them after the trail's blend.
        Barriers.ComputeThenCompute(vk, cmd);
        if (work.MarkersPass is { } markers)
            _markers.Record(slot, markers);
        slot.MarkPass("markers");
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

    /// <summary>Draws and captures the chrome layer: the background, then the back panels, then the panels inside them.</summary>
    private unsafe void RecordChromeLayer(FrameSlot slot, IRenderTarget target)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var background = Palette.Background;
        var clear = new ClearColorValue((background & 0xff) / 255f, (background >> 8 & 0xff) / 255f, (background >> 16 & 0xff) / 255f, 1f);
        var range = Init.ColorRange;
        vk.CmdClearColorImage(cmd, target.Image, ImageLayout.General, &clear, 1, &range);
        Barriers.ComputeThenCompute(vk, cmd);
        foreach (var panel in _composer.BackPanels)
            _panels.Record(slot, panel);
        Barriers.ComputeThenCompute(vk, cmd);
        foreach (var panel in _composer.InnerPanels)
            _panels.Record(slot, panel);
        slot.MarkPass("panels");
        _chromeLayer.RecordCapture(slot, target);
    }

    /// <summary>The map's points splatted and resolved over its plot, without the trail, which every frame blends over it.</summary>
    private void RecordMapLayer(FrameSlot slot)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        var work = _composer;
        if (work.SplatPass is not { } splat || work.ResolvePass is not { } resolve)
            return;
        vk.CmdFillBuffer(cmd, _resources.Splat.Handle, 0, CanvasResources.SplatBytes(work.SplatSize), 0);
        // The cleared sums land before the splat adds to them.
        Barriers.ComputeThenCompute(vk, cmd);
        _splat.Record(slot, splat);
        // The splat sums land before the resolve blends them over the plot.
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("splat");
        _resolve.Record(slot, resolve);
        slot.MarkPass("resolve");
    }

    /// <summary>The trail's points in map pixels, as this frame uploaded them.</summary>
    private ReadOnlySpan<Vector2> TrailPixels(FrameSlot slot, in TrailPush trail) =>
        MemoryMarshal.Cast<uint, Vector2>(_resources.Uploads[slot.Index].WordsAt(trail.PointOffset, 2 * trail.PointCount));

    public void Dispose()
    {
        _stillLayer?.Dispose();
        _mapLayer?.Dispose();
        _chromeLayer?.Dispose();
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
