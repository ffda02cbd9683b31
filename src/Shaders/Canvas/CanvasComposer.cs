using System.Runtime.InteropServices;
using LvaeLive.Imaging.Text;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Turns a <see cref="CanvasFrame"/> and its layout into the work of one frame, on the CPU alone: the panel
/// rectangles, the tile grids, the map's and the curves' passes and the glyphs, with their data written into the
/// frame's upload, and where everything went (<see cref="Placement"/> for the pointer, <see cref="Boxes"/> for the
/// layout's checks). <see cref="CanvasRenderer"/> records the passes; needing no device, a frame can be composed
/// alone to check where things go. The partial files compose each panel.
/// </summary>
internal sealed partial class CanvasComposer
{
    /// <summary>The fewest characters of a title that a panel keeps when it cuts it: fewer say too little.</summary>
    private const int MinTitleCharacters = 10;

    /// <summary>The glyph batches a frame reserves room for in its upload.</summary>
    public const int GlyphBatches = 5;

    // Per-frame work lists, reused: nothing here is allocated per frame.
    private readonly GlyphBatch _bodyText;
    private readonly GlyphBatch _titleText;
    private readonly GlyphBatch _overlayBody;
    private readonly GlyphBatch _overlayTitles;
    private readonly GlyphBatch _captionText;
    private TileGridPlacement? _digitsPlacement;
    private MapPlacement? _mapPlacement;

    public CanvasComposer()
    {
        _bodyText = new GlyphBatch(Boxes);
        _titleText = new GlyphBatch(Boxes);
        _overlayBody = new GlyphBatch(Boxes);
        _overlayTitles = new GlyphBatch(Boxes);
        _captionText = new GlyphBatch(Boxes);
        PanelText = [_bodyText, _titleText];
        OverlayText = [_overlayBody, _overlayTitles];
    }

    /// <summary>The glyph batches, in the order they are drawn: panel text, then the caption, then the help overlay.</summary>
    public IReadOnlyList<GlyphBatch> PanelText { get; }
    public GlyphBatch CaptionText => _captionText;
    public IReadOnlyList<GlyphBatch> OverlayText { get; }

    public List<PanelPush> BackPanels { get; } = new(8);
    public List<PanelPush> InnerPanels { get; } = new(32);
    public List<TilesPush> TileGrids { get; } = new(8);
    public List<CurvesPush> Plots { get; } = new(CanvasLimits.MaxPlots);
    public SplatPush? SplatPass { get; private set; }
    public TrailPush? TrailPass { get; private set; }
    public ResolvePush? ResolvePass { get; private set; }
    public MarkersPush? MarkersPass { get; private set; }
    public PanelPush? OverlayPanel { get; private set; }
    public PanelPush? CaptionPanel { get; private set; }

    /// <summary>Where the curves' series tables and samples lie in the upload: (offset, words).</summary>
    public (uint Offset, int Count) CurveWords { get; private set; }

    /// <summary>The map's splat target: the plot's size in pixels (zero without a map).</summary>
    public Int2 SplatSize { get; private set; }

    /// <summary>Where the latest frame drew the digit grid and the map, for pointer input.</summary>
    public CanvasPlacement Placement { get; private set; }

    /// <summary>Every panel, tile grid and text box of the latest frame.</summary>
    public CanvasBoxes Boxes { get; } = new();

    /// <summary>Composes the frame in its layout; its data goes into <paramref name="upload"/>, reset first, and its text uses <paramref name="atlas"/>'s faces.</summary>
    public void Compose(CanvasFrame frame, CanvasLayout layout, FrameUpload upload, GlyphAtlas atlas, string deviceName)
    {
        upload.Reset();
        Boxes.Begin(layout.Canvas);
        _bodyText.Begin(upload, atlas.Faces[CanvasLayout.BodyFace]);
        _titleText.Begin(upload, atlas.Faces[CanvasLayout.TitleFace]);
        _overlayBody.Begin(upload, atlas.Faces[CanvasLayout.BodyFace]);
        _overlayTitles.Begin(upload, atlas.Faces[CanvasLayout.TitleFace]);
        _captionText.Begin(upload, atlas.Faces[CanvasLayout.CaptionFace]);
        BackPanels.Clear();
        InnerPanels.Clear();
        TileGrids.Clear();
        Plots.Clear();
        SplatPass = null;
        TrailPass = null;
        ResolvePass = null;
        MarkersPass = null;
        OverlayPanel = null;
        CaptionPanel = null;
        SplatSize = default;
        CurveWords = default;
        _digitsPlacement = null;
        _mapPlacement = null;

        if (frame.Presenter is { } presenter)
        {
            ComposePresenter(layout, presenter);
        }
        else if (frame.Chrome.Blank)
        {
            ComposeBlank(layout.Canvas, frame.Chrome.BlankColour);
        }
        else
        {
            // Bit tests rather than Enum.HasFlag, which boxes until the JIT optimises it: nothing is allocated per frame.
            ComposeChrome(layout, frame, deviceName);
            if ((frame.Chrome.Panels & CanvasPanels.Digits) != 0) ComposeDigits(layout, frame, upload);
            if ((frame.Chrome.Panels & CanvasPanels.Reconstructions) != 0) ComposeReconstructions(layout, frame, upload);
            if ((frame.Chrome.Panels & CanvasPanels.Map) != 0) ComposeMap(layout, frame, upload);
            if ((frame.Chrome.Panels & CanvasPanels.Curves) != 0) ComposeCurves(layout, frame, upload);
            ComposeCaption(layout, frame);
            ComposeHelp(layout, frame);
        }
        Placement = new CanvasPlacement(_digitsPlacement, _mapPlacement, layout.Scale);
    }

    /// <summary>
    /// Writes what the cached layers of this frame are drawn from (see <see cref="CanvasRenderer"/>): the chrome
    /// layer's panels, the map layer's splatted points over them, and the still layer's curves and panel text on top.
    /// The glyphs' faces are in their pushes, the canvas size in <paramref name="canvas"/>.
    /// </summary>
    public void WriteKeys(LayerKey chrome, LayerKey map, LayerKey still, Int2 canvas, FrameUpload upload)
    {
        chrome.Begin();
        chrome.Add(canvas);
        chrome.Add<PanelPush>(CollectionsMarshal.AsSpan(BackPanels));
        chrome.Add(BackPanels.Count);
        chrome.Add<PanelPush>(CollectionsMarshal.AsSpan(InnerPanels));

        map.Begin();
        map.Add(chrome);
        if (SplatPass is { } splat)
        {
            map.Add(splat);
            map.Add<uint>(upload.WordsAt(splat.PointOffset, 3 * splat.PointCount));
            map.Add<uint>(upload.WordsAt(splat.PaletteOffset, splat.PaletteCount));
        }
        if (ResolvePass is { } resolve)
            map.Add(resolve);

        still.Begin();
        still.Add(map);
        still.Add<CurvesPush>(CollectionsMarshal.AsSpan(Plots));
        still.Add<uint>(upload.WordsAt(CurveWords.Offset, CurveWords.Count));
        // Indexed: an interface's enumerator is allocated, and nothing is allocated per frame.
        for (var index = 0; index < PanelText.Count; index++)
        {
            var push = PanelText[index].Push;
            still.Add(push);
            still.Add<uint>(upload.WordsAt(push.InstanceOffset, push.InstanceCount * TextPipeline.WordsPerGlyph));
        }
    }

    /// <summary>
    /// A panel background with its title (and an optional dim note at the right); returns the content area. Where the
    /// title cannot keep <see cref="MinTitleCharacters"/> characters, <paramref name="shortTitle"/> stands in for it
    /// (in a race, the model's name: which model a half shows matters most).
    /// </summary>
    private Rect AddPanel(CanvasLayout layout, Rect panel, ReadOnlySpan<char> title, ReadOnlySpan<char> note, ReadOnlySpan<char> shortTitle = default)
    {
        BackPanels.Add(PanelPush(panel, Palette.Panel, Palette.PanelBorder, 6 * layout.Scale, 1));
        Boxes.Area(panel, BoxKind.Panel, Boxes.Canvas);
        var inner = panel.Inset(layout.Padding);
        // The title comes first: the note goes when both do not fit, and the title may take the whole width; a title
        // still too long steps down to the body's size before it is cut. Body text sits on the title's baseline.
        if (_titleText.Measure(title) + _bodyText.Measure(note) + layout.Padding > inner.Width)
            note = default;
        var noteWidth = _bodyText.Measure(note);
        var room = note.IsEmpty ? inner.Width : inner.Width - noteWidth - layout.Padding;
        var titleFace = _titleText.Face;
        var bodyY = inner.Y + titleFace.Baseline - _bodyText.Face.Baseline;
        if (!shortTitle.IsEmpty && _bodyText.Measure(title) > room && room < _bodyText.Width(MinTitleCharacters + 1))
            title = shortTitle;
        if (_titleText.Measure(title) <= room)
            _titleText.Add(title, inner.X, inner.Y, Palette.Title, room, panel, TextRole.Title);
        else
            _bodyText.Add(title, inner.X, bodyY, Palette.Title, room, panel, TextRole.Title);
        _bodyText.Add(note, inner.Right - noteWidth, bodyY, Palette.Dim, noteWidth, panel);
        return layout.PanelContent(panel, titleFace);
    }

    /// <summary>A rectangle inside a panel (a plot's area, a legend swatch), drawn once with the panels and kept in their cache.</summary>
    private void AddInnerPanel(Rect rect, Rect container, uint fill, uint border, float radius, float borderWidth)
    {
        InnerPanels.Add(PanelPush(rect, fill, border, radius, borderWidth));
        Boxes.Area(rect, BoxKind.Panel, container);
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
}
