using System.Numerics;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;

namespace LvaeLive.Model.Scene;

/// <summary>
/// The live view's latent scene: every point it decodes is held as each layer's noise. It keeps the walk's paths, the
/// selection, held moves, the trail and the reconstructions, and hands the grid to the composer of the mode shown;
/// <see cref="Update"/> is the one call a frame that returns what to draw.
/// </summary>
public sealed partial class LatentScene
{
    public const int GridColumns = SceneContext.GridColumns;
    public const int GridTiles = SceneContext.GridTiles;
    public const int ReconstructionPairs = 12;
    // How the view opens; a talk's steps fall back to these until one sets them.
    public const int InitialTile = 0, InitialLayer = 0;
    public const GridMode InitialMode = GridMode.Walk;
    public const ExplorerColumns InitialColumns = ExplorerColumns.Redraws;
    private const int TrailLength = 64;
    private const int Pixels = LvaeConfig.ImagePixels;

    private readonly SceneContext _scene;
    private readonly LatentPaths _paths;
    private readonly Dictionary<GridMode, IGridComposer> _composers;
    private IGridComposer _composer;

    private readonly float[] _reconstructionInputs;
    private readonly float[] _reconstructions = new float[ReconstructionPairs * Pixels];
    private readonly NoiseGrid _reconstructionPoints;
    private bool _reconstructionsStale = true;

    private readonly LatentTrail _trail;
    private readonly Vector2[] _trailPoints = new Vector2[TrailLength];

    /// <param name="testDigits">Test images (784 floats each): the first <see cref="ReconstructionPairs"/> are reconstructed, the rest feed the grids of test digits.</param>
    /// <param name="testLabels">Their classes.</param>
    public LatentScene(InferenceCopy model, LatentPaths paths, float[] testDigits, byte[] testLabels)
    {
        if (testLabels.Length < ReconstructionPairs + 2 * StyleSwap.Digits)
            throw new ArgumentException($"the live view needs at least {ReconstructionPairs + 2 * StyleSwap.Digits} test digits");
        _scene = new SceneContext(model, testDigits, testLabels, firstSpareDigit: ReconstructionPairs);
        _paths = paths;
        Clock = new AnimationClock(Depth);
        var walk = new WalkComposer(_scene);
        _composers = new IGridComposer[]
        {
            walk, new InterpolationComposer(_scene, alone: true), new InterpolationComposer(_scene, alone: false),
            new StyleSwapComposer(_scene), new ExplorerComposer(_scene, walk),
        }.ToDictionary(composer => composer.Mode);
        _composer = _composers[InitialMode];
        _reconstructionInputs = testDigits.AsSpan(0, ReconstructionPairs * Pixels).ToArray();
        _reconstructionPoints = new NoiseGrid(Sizes, ReconstructionPairs);
        _trail = new LatentTrail(TrailLength, Sizes.Max());
        _requestedPoint = new NoiseGrid(Sizes, 1);
        Frame.ReconstructionInputs = _reconstructionInputs;
        Frame.Reconstructions = _reconstructions;
    }

    public int[] Sizes => _scene.Sizes;
    public int Depth => _scene.Depth;
    public int SelectedTile => _scene.SelectedTile;
    /// <summary>The steered layer, 0-based (key 1 selects layer 0 = z_1).</summary>
    public int SelectedLayer => _scene.SelectedLayer;
    public GridMode Mode => _composer.Mode;
    public ExplorerColumns ExplorerColumns => _scene.ExplorerColumns;
    public AnimationClock Clock { get; }
    public LatentMap? Map
    {
        get => _scene.Map;
        set => _scene.Map = value;
    }
    /// <summary>The scale of the walk's prior noise (1: the prior itself); points set by talks and recalls keep theirs.</summary>
    public float Temperature { get; set; } = AnimationSettings.Temperature.Default;
    public long WeightsStep => _scene.Model.WeightsStep;
    /// <summary>What the last <see cref="Update"/> drew.</summary>
    public SceneFrame Frame { get; } = new();

    public void LoadWeights(WeightSnapshot snapshot)
    {
        _scene.Model.Load(snapshot);
        _scene.WeightsGeneration++;
        _reconstructionsStale = true;
    }

    /// <summary>Moves the selection by <paramref name="step"/> tiles, wrapping around the grid.</summary>
    public void SelectTile(int step)
    {
        _scene.SelectedTile = ((SelectedTile + step) % GridTiles + GridTiles) % GridTiles;
        _trail.Clear();
        _composer.TileSelected();
    }

    /// <summary>Selects tile <paramref name="tile"/> (0-based, row by row).</summary>
    public void SelectTileAt(int tile) => SelectTile(tile - SelectedTile);

    /// <summary>Selects a layer by its key (1-based); keys beyond the model's depth are ignored (false).</summary>
    public bool SelectLayer(int key)
    {
        if (key < 1 || key > Depth) return false;
        _scene.SelectedLayer = key - 1;
        _trail.Clear();
        return true;
    }

    /// <summary>
    /// Enters <paramref name="mode"/>, or goes back to the walk if already in it. Each entry starts clean: new digits
    /// (except between the two interpolations, which compare the same two), no nudges, the explorer's centre taken anew.
    /// </summary>
    public void ToggleMode(GridMode mode)
    {
        var next = Mode == mode ? GridMode.Walk : mode;
        if (next != GridMode.Walk && !GridModes.SharesDigits(Mode, next)) _scene.ModeVariant++;
        _composer = _composers[next];
        _trail.Clear();
        _composer.Enter();
    }

    /// <summary>Shows <paramref name="mode"/>: enters it unless it is shown already (the walk: leaves the mode shown).</summary>
    public void Show(GridMode mode)
    {
        if (mode != Mode) ToggleMode(mode == GridMode.Walk ? Mode : mode);
    }

    public void ToggleExplorerColumns() =>
        _scene.ExplorerColumns = ExplorerColumns == ExplorerColumns.Redraws ? ExplorerColumns.PrincipalAxis : ExplorerColumns.Redraws;

    /// <summary>The selected point as shown now (the explorer's centre in the explorer): every layer's noise, bottom first.</summary>
    public float[][] SelectedPoint() => Enumerable.Range(0, Depth).Select(layer => _composer.SelectedNoise(layer).ToArray()).ToArray();

    /// <summary>Advances the animation to the frame at <paramref name="now"/>, <paramref name="elapsedSeconds"/> after the last, and decodes it.</summary>
    public SceneFrame Update(TimeSpan now, double elapsedSeconds)
    {
        ApplyDrag();
        Clock.Advance(elapsedSeconds);
        // The walk's noise is drawn only where it is shown: the grids of test digits do not use it, and the explorer
        // takes its centre from the walk as last drawn.
        for (var layer = 0; layer < Depth && _composer.DrawsWalk; layer++)
        {
            var noise = _scene.Walk.Layer(layer);
            _paths.Sample(layer, Clock.LayerSeconds(layer), GridTiles, noise);
            if (Temperature != 1) for (var i = 0; i < noise.Length; i++) noise[i] *= Temperature;
        }
        MoveSetPoint(now);
        var points = _composer.Compose();
        _scene.Model.Decode(points.Inputs, points.Tiles, _scene.Digits, _scene.Latents, _scene.Scales);
        if (_reconstructionsStale) Reconstruct();
        _trail.Add(now, SelectedLatent());
        Fill(points.Tiles);
        return Frame;
    }

    private void Fill(int tiles)
    {
        Frame.Digits = _scene.Digits.AsMemory(0, tiles * Pixels);
        Frame.Columns = _composer.Columns;
        Frame.Highlight = _composer.Highlight;
        Frame.SelectedDigit = _composer.SelectedImage;
        Frame.Title = _composer.Title;
        if (!ReferenceEquals(Frame.Labels, _composer.Labels))
        {
            Frame.Labels = _composer.Labels;
            Frame.RowHeads = ImagesOf(Frame.Labels.RowDigits);
            Frame.ColumnHeads = ImagesOf(Frame.Labels.ColumnDigits);
        }
        Frame.MapLayer = SelectedLayer;
        if (Map is null)
        {
            (Frame.Marker, Frame.Trail) = (null, ReadOnlyMemory<Vector2>.Empty);
            return;
        }
        var map = Map.Layers[SelectedLayer];
        var (x, y) = map.Project(SelectedLatent());
        Frame.Marker = new Vector2(x, y);
        var size = Sizes[SelectedLayer];
        for (var i = 0; i < _trail.Count; i++)
        {
            var (tx, ty) = map.Project(_trail.Point(i, size));
            _trailPoints[i] = new Vector2(tx, ty);
        }
        Frame.Trail = _trailPoints.AsMemory(0, _trail.Count);
    }

    /// <summary>The test images of <paramref name="digits"/>, one after another (made when a grid's labels change, not per frame).</summary>
    private float[] ImagesOf(IReadOnlyList<int> digits)
    {
        var images = new float[digits.Count * Pixels];
        for (var i = 0; i < digits.Count; i++) _scene.TestDigits.AsSpan(digits[i] * Pixels, Pixels).CopyTo(images.AsSpan(i * Pixels));
        return images;
    }

    /// <summary>The selected point's latent in the selected layer.</summary>
    private ReadOnlySpan<float> SelectedLatent() => _composer.SelectedLatent(SelectedLayer);

    private void Reconstruct()
    {
        _scene.Model.EncodeToNoise(_reconstructionInputs, ReconstructionPairs, _reconstructionPoints);
        _scene.Model.Decode(_reconstructionPoints.Inputs, ReconstructionPairs, _reconstructions);
        _reconstructionsStale = false;
    }
}
