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
/// Draws a <see cref="CanvasFrame"/> into a render target: lays the panels out, writes the frame's data into the
/// slot's upload buffer, and records the compute passes in an order whose barriers keep overlapping passes apart:
/// the panel chrome (cached, see <see cref="PanelChrome"/>), then panel contents (tiles, splats, trail), then map
/// resolve and curves, then map markers and text, then the help overlay. The partial files build each panel's part.
/// </summary>
public sealed partial class CanvasRenderer : IDisposable
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

    // Per-frame work lists, reused: nothing here is allocated per frame.
    private readonly GlyphBatch _bodyText = new();
    private readonly GlyphBatch _titleText = new();
    private readonly GlyphBatch _overlayBody = new();
    private readonly GlyphBatch _overlayTitles = new();
    private readonly GlyphBatch _captionText = new();
    private readonly List<PanelPush> _backPanels = new(8);
    private readonly List<PanelPush> _innerPanels = new(32);
    private readonly List<TilesPush> _tileGrids = new(3);
    private readonly List<CurvesPush> _plots = new(CanvasLimits.MaxPlots);
    private SplatPush? _splatPass;
    private TrailPush? _trailPass;
    private ResolvePush? _resolvePass;
    private MarkersPush? _markersPass;
    private PanelPush? _overlayPanel;
    private PanelPush? _captionPanel;
    private int _splatPixels;
    private Int2 _splatSize;
    private TileGridPlacement? _digitsPlacement;
    private MapPlacement? _mapPlacement;

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
    public CanvasPlacement Placement { get; private set; }

    /// <summary>Records the whole canvas into the slot's command buffer (between FrameRing.BeginFrame and Submit).</summary>
    public void Draw(FrameSlot slot, IRenderTarget target, CanvasFrame frame)
    {
        CanvasLimits.Validate(frame);
        var extent = target.Extent;
        var layout = CanvasLayout.Compute((int)extent.Width, (int)extent.Height, frame.Chrome.UiScale, frame.Chrome.CaptionLines, frame.Chrome.Panels);
        var atlas = _resources.EnsureAtlas(layout.BodyPixels, layout.TitlePixels, layout.CaptionPixels);
        var upload = _resources.Uploads[slot.Index];
        upload.Reset();
        _bodyText.Begin(upload, atlas.Faces[CanvasLayout.BodyFace]);
        _titleText.Begin(upload, atlas.Faces[CanvasLayout.TitleFace]);
        _overlayBody.Begin(upload, atlas.Faces[CanvasLayout.BodyFace]);
        _overlayTitles.Begin(upload, atlas.Faces[CanvasLayout.TitleFace]);
        _captionText.Begin(upload, atlas.Faces[CaptionFace]);
        _backPanels.Clear();
        _innerPanels.Clear();
        _tileGrids.Clear();
        _plots.Clear();
        _splatPass = null;
        _trailPass = null;
        _resolvePass = null;
        _markersPass = null;
        _overlayPanel = null;
        _captionPanel = null;
        _digitsPlacement = null;
        _mapPlacement = null;

        if (frame.Chrome.Blank)
        {
            ComposeBlank((int)extent.Width, (int)extent.Height, frame.Chrome.BlankColour);
        }
        else
        {
            ComposeChrome(layout, frame);
            if (frame.Chrome.Panels.HasFlag(CanvasPanels.Digits)) ComposeDigits(layout, frame, upload);
            if (frame.Chrome.Panels.HasFlag(CanvasPanels.Reconstructions)) ComposeReconstructions(layout, frame, upload);
            if (frame.Chrome.Panels.HasFlag(CanvasPanels.Map)) ComposeMap(layout, frame, upload);
            if (frame.Chrome.Panels.HasFlag(CanvasPanels.Curves)) ComposeCurves(layout, frame, upload);
            ComposeCaption(layout, frame);
            ComposeHelp(layout, frame, extent);
        }
        _resources.EnsureSplat(_splatSize);
        Placement = new CanvasPlacement(_digitsPlacement, _mapPlacement, layout.Scale);

        Record(slot, target);
    }

    private unsafe void Record(FrameSlot slot, IRenderTarget target)
    {
        var vk = _gpu.Vk;
        var cmd = slot.Commands;
        target.RecordBegin(slot);
        if (_splatPixels > 0)
            vk.CmdFillBuffer(cmd, _resources.Splat.Handle, 0, CanvasResources.SplatBytes(_splatSize), 0);
        _resources.Bind(slot, target.View);
        _chrome.Record(slot, target, _backPanels, _innerPanels);
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("chrome");

        foreach (var grid in _tileGrids)
            _tiles.Record(slot, grid);
        slot.MarkPass("tiles");
        if (_splatPass is { } splat)
            _splat.Record(slot, splat);
        slot.MarkPass("splat");
        if (_trailPass is { } trail)
            _trail.Record(slot, trail, TrailPixels(slot, trail));
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("trail");

        if (_resolvePass is { } resolve)
            _resolve.Record(slot, resolve);
        slot.MarkPass("resolve");
        foreach (var plot in _plots)
            _curves.Record(slot, plot);
        Barriers.ComputeThenCompute(vk, cmd);
        slot.MarkPass("curves");

        // Markers stay inside the map's plot, where no text goes.
        if (_markersPass is { } markers)
            _markers.Record(slot, markers);
        slot.MarkPass("markers");
        _text.Record(slot, _bodyText.Push);
        _text.Record(slot, _titleText.Push);
        slot.MarkPass("text");
        if (_captionPanel is { } caption)
        {
            Barriers.ComputeThenCompute(vk, cmd);
            _panels.Record(slot, caption);
            Barriers.ComputeThenCompute(vk, cmd);
            _text.Record(slot, _captionText.Push);
            slot.MarkPass("caption");
        }
        if (_overlayPanel is { } overlay)
        {
            Barriers.ComputeThenCompute(vk, cmd);
            _panels.Record(slot, overlay);
            Barriers.ComputeThenCompute(vk, cmd);
            _text.Record(slot, _overlayBody.Push);
            _text.Record(slot, _overlayTitles.Push);
            slot.MarkPass("help overlay");
        }
        target.RecordEnd(slot);
        slot.MarkPass("read-back copy");
    }

    /// <summary>A panel background with its title (and an optional dim note at the right); returns the content area.</summary>
    private Rect AddPanel(CanvasLayout layout, Rect panel, string title, ReadOnlySpan<char> note)
    {
        _backPanels.Add(PanelPush(panel, Palette.Panel, Palette.PanelBorder, 6 * layout.Scale, 1));
        var inner = panel.Inset(layout.Padding);
        // The title comes first: the note goes when both do not fit.
        if (_titleText.Width(title.Length) + _bodyText.Width(note.Length) + layout.Padding > inner.Width)
            note = default;
        var noteWidth = _bodyText.Width(note.Length);
        _titleText.Add(title, inner.X, inner.Y, Palette.Title, inner.Width - noteWidth - layout.Padding);
        var titleFace = _titleText.Face;
        _bodyText.Add(note, inner.Right - noteWidth, inner.Y + titleFace.Baseline - _bodyText.Face.Baseline, Palette.Dim, noteWidth);
        return layout.PanelContent(panel, titleFace);
    }

    private static PanelPush PanelPush(Rect rect, uint fill, uint border, float radius, float borderWidth) => new()
    {
        Origin = new Int2(rect.X, rect.Y),
        Size = new Int2(rect.Width, rect.Height),
        FillColour = fill,
        BorderColour = border,
        CornerRadius = radius,
        BorderWidth = borderWidth,
    };

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
