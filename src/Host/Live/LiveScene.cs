using System.Numerics;
using LvaeLive.Model;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// What the live view shows, frame by frame: a grid of digits (the animated walk, an interpolation, a style swap or
/// the layer explorer), reconstructions of fixed test digits, the selected layer's latent map with the selected
/// point's marker and trail. Every point it decodes is held as each layer's noise (<see cref="NoiseGrid"/>); it
/// turns keys into changes of that noise. The latent maths is the model room's (the grids' composers, steering,
/// paths), the decoding the inference copy's, the maps the training thread's: this class wires them to the canvas.
/// </summary>
internal sealed partial class LiveScene
{
    public const int GridColumns = StyleSwap.Columns;
    public const int GridTiles = StyleSwap.Tiles;
    public const int ReconstructionPairs = 12;
    private const int TrailLength = 64;
    private const int Pixels = LvaeConfig.ImagePixels;

    private readonly InferenceCopy _model;
    private readonly LatentPaths _paths;
    private readonly float[] _testDigits;
    private readonly int _testDigitCount;
    private readonly int[] _sizes;

    // The walk: the paths' noise this frame, and the user's nudges of each tile.
    private readonly NoiseGrid _walk;
    private readonly NoiseGrid _walkNudges;
    // Interpolation and style swap: test digits entered top-down, the grid made of them, and nudges made in it.
    private readonly NoiseGrid _testPoints;
    private readonly NoiseGrid _composed;
    private readonly NoiseGrid _composedNudges;
    private (int Variant, GridMode Mode, int Layer)? _composedFor;
    // The explorer: its centre (taken from the walk's selected tile), the centre decoded alone, and the rows.
    private readonly NoiseGrid _centre;
    private readonly float[][] _centreLatents;
    private readonly float[][] _centreScales;
    private readonly float[] _centreImage = new float[Pixels];
    private readonly float[][] _axisSteps;
    private readonly NoiseGrid _explorer;

    // What was decoded this frame: its points, and each layer's z_i and prior scale sigma_p per tile.
    private readonly NoiseGrid _gridPoints;
    private NoiseGrid _shown;
    private readonly float[][] _latents;
    private readonly float[][] _scales;
    private readonly float[] _digits;
    private bool _axesShown;
    private ((GridMode Mode, int Layer, bool AxesShown, bool HasMap) Named, string Text)? _gridTitle;

    private readonly float[] _reconstructionInputs;
    private readonly float[] _reconstructions = new float[ReconstructionPairs * Pixels];
    private readonly NoiseGrid _reconstructionPoints;
    private bool _reconstructionsStale = true;

    // A point set on a tile by a talk step or a recall, reached by an eased move; asked for between frames, started at the next.
    private readonly PointMove _move;
    private (NoiseGrid Target, bool[] Layers, double Seconds, Easing Easing)? _requestedMove;
    private readonly NoiseGrid _requestedPoint;
    private bool _centreMoving; // The centre followed a move at the last frame: it takes the move's end once more.

    private readonly LatentTrail _trail;
    private readonly Vector2[] _trailPoints = new Vector2[TrailLength];
    private readonly Vector2[] _marker = new Vector2[1];
    private MapPoint[] _mapPoints = [];
    private (LatentMap? Map, int Layer) _mapPointsFor;

    public LiveScene(InferenceCopy model, LatentPaths paths, float[] testDigits)
    {
        _testDigitCount = testDigits.Length / Pixels;
        if (_testDigitCount < ReconstructionPairs + 2 * StyleSwap.Digits)
            throw new ArgumentException($"the live view needs at least {ReconstructionPairs + 2 * StyleSwap.Digits} test digits");
        _model = model;
        _paths = paths;
        _testDigits = testDigits;
        _sizes = model.Config.LatentSizes;
        View = new ViewState(GridTiles, _sizes.Length);
        Clock = new AnimationClock(_sizes.Length);
        _walk = new NoiseGrid(_sizes, GridTiles);
        _walkNudges = new NoiseGrid(_sizes, GridTiles);
        _testPoints = new NoiseGrid(_sizes, StyleSwap.Digits);
        _composed = new NoiseGrid(_sizes, GridTiles);
        _composedNudges = new NoiseGrid(_sizes, GridTiles);
        _centre = new NoiseGrid(_sizes, 1);
        _centreLatents = _sizes.Select(size => new float[size]).ToArray();
        _centreScales = _sizes.Select(size => new float[size]).ToArray();
        _axisSteps = _sizes.Select(size => new float[size]).ToArray();
        _explorer = new NoiseGrid(_sizes, LayerExplorer.Tiles(_sizes.Length));
        _gridPoints = new NoiseGrid(_sizes, GridTiles);
        _shown = _gridPoints;
        var largest = Math.Max(GridTiles, _explorer.Tiles);
        _latents = _sizes.Select(size => new float[largest * size]).ToArray();
        // Until the first frame is decoded, a nudge moves the noise as far as the latent.
        _scales = _sizes.Select(size => Enumerable.Repeat(1f, largest * size).ToArray()).ToArray();
        _digits = new float[largest * Pixels];
        _reconstructionInputs = testDigits.AsSpan(0, ReconstructionPairs * Pixels).ToArray();
        _reconstructionPoints = new NoiseGrid(_sizes, ReconstructionPairs);
        _trail = new LatentTrail(TrailLength, _sizes.Max());
        _move = new PointMove(_sizes);
        _requestedPoint = new NoiseGrid(_sizes, 1);
    }

    public ViewState View { get; }
    public AnimationClock Clock { get; }
    public LatentMap? Map { get; set; }
    /// <summary>The scale of the walk's prior noise (1: the prior itself); points set by talks and recalls keep theirs.</summary>
    public float Temperature { get; set; } = 1;
    public long WeightsStep => _model.WeightsStep;

    public void LoadWeights(WeightSnapshot snapshot)
    {
        _model.Load(snapshot);
        _reconstructionsStale = true;
        _composedFor = null;
    }

    /// <summary>
    /// Moves the selected point's latent in the selected layer along a map axis (0: x, 1: y) by one step; in the
    /// explorer, the selected point is its centre. The move is made in the layer's noise, so the layers below follow.
    /// </summary>
    public bool Nudge(int axis, int direction)
    {
        if (Map is null) return false;
        var layer = View.SelectedLayer;
        var map = Map.Layers[layer];
        var amount = direction * NoiseSteering.NudgeLength(map, axis);
        if (View.Mode == GridMode.Explorer)
        {
            NoiseSteering.MoveAlongMapAxis(map, axis, amount, _centreScales[layer], _centre.Of(layer, 0));
            return true;
        }
        var size = _sizes[layer];
        var nudges = View.Mode == GridMode.Walk ? _walkNudges : _composedNudges;
        NoiseSteering.MoveAlongMapAxis(map, axis, amount, _scales[layer].AsSpan(View.SelectedTile * size, size), nudges.Of(layer, View.SelectedTile));
        return true;
    }

    public void SelectTile(int step)
    {
        View.MoveSelection(step);
        _trail.Clear();
        if (View.Mode == GridMode.Explorer) TakeCentre();
    }

    /// <summary>Selects tile <paramref name="tile"/> (0-based, row by row).</summary>
    public void SelectTileAt(int tile) => SelectTile(tile - View.SelectedTile);

    /// <summary>
    /// Moves the selected tile, from where it is shown at the next frame, to the <paramref name="layers"/> of
    /// <paramref name="point"/> over <paramref name="seconds"/>, and holds it there; in the explorer, its centre moves.
    /// </summary>
    public void MovePoint(NoiseGrid point, bool[] layers, double seconds, Easing easing)
    {
        _requestedPoint.CopyPoint(point, 0, 0);
        _requestedMove = (_requestedPoint, layers.ToArray(), seconds, easing);
    }

    /// <summary>The selected point as shown now (the explorer's centre in the explorer): every layer's noise, bottom first.</summary>
    public float[][] SelectedPoint()
    {
        var (grid, tile) = View.Mode == GridMode.Explorer ? (_centre, 0) : (_gridPoints, View.SelectedTile);
        return Enumerable.Range(0, _sizes.Length).Select(layer => grid.Of(layer, tile).ToArray()).ToArray();
    }

    public bool SelectLayer(int key)
    {
        if (!View.SelectLayer(key)) return false;
        _trail.Clear();
        return true;
    }

    /// <summary>Enters or leaves <paramref name="mode"/>. Each entry starts clean: new digits, no nudges; the explorer takes the selected tile as its centre.</summary>
    public void ToggleMode(GridMode mode)
    {
        View.ToggleMode(mode);
        _trail.Clear();
        _composedNudges.Clear();
        if (View.Mode == GridMode.Explorer) TakeCentre();
    }

    /// <summary>Advances the animation to the frame at <paramref name="time"/> and decodes the grid.</summary>
    public void Update(FrameTime time)
    {
        ApplyDrag();
        Clock.Advance(time.Seconds);
        // The walk's noise is drawn only where it is shown: the walk itself and the explorer's redraws. The grids of
        // test digits do not use it, and the explorer takes its centre from the walk as last drawn.
        for (var layer = 0; layer < _sizes.Length && View.Mode is GridMode.Walk or GridMode.Explorer; layer++)
        {
            var noise = _walk.Layer(layer);
            _paths.Sample(layer, Clock.LayerSeconds(layer), GridTiles, noise);
            if (Temperature != 1) for (var i = 0; i < noise.Length; i++) noise[i] *= Temperature;
        }
        MoveSetPoint(time.Now);
        switch (View.Mode)
        {
            case GridMode.Walk:
                _gridPoints.SetSum(_walk, _walkNudges);
                _shown = _gridPoints;
                break;
            case GridMode.Explorer:
                ComposeExplorer();
                _shown = _explorer;
                break;
            default:
                ComposeFromTestDigits();
                _gridPoints.SetSum(_composed, _composedNudges);
                _shown = _gridPoints;
                break;
        }
        _model.Decode(_shown.Inputs, _shown.Tiles, _digits, _latents, _scales);
        if (_reconstructionsStale) Reconstruct();
        _trail.Add(time.Now, SelectedLatent());
    }

    /// <summary>Writes what the scene shows into the canvas record (HUD, help and curves are the caller's).</summary>
    public void Fill(CanvasFrame frame)
    {
        var explorer = View.Mode == GridMode.Explorer;
        frame.Digits = _digits.AsMemory(0, _shown.Tiles * Pixels);
        frame.DigitColumns = explorer ? LayerExplorer.Columns : GridColumns;
        frame.HighlightDigit = explorer ? LayerExplorer.RowOf(View.SelectedLayer, _sizes.Length) * LayerExplorer.Columns : View.SelectedTile;
        frame.DigitsTitle = GridTitle();
        frame.ReconstructionInputs = _reconstructionInputs;
        frame.Reconstructions = _reconstructions;
        FillMap(frame);
    }

    /// <summary>The selected point's latent in the selected layer: the explorer's centre, or the selected tile's.</summary>
    private ReadOnlySpan<float> SelectedLatent()
    {
        var size = _sizes[View.SelectedLayer];
        return View.Mode == GridMode.Explorer
            ? _centreLatents[View.SelectedLayer]
            : _latents[View.SelectedLayer].AsSpan(View.SelectedTile * size, size);
    }

    private void FillMap(CanvasFrame frame)
    {
        var layer = View.SelectedLayer;
        frame.MapTitle = $"Layer {layer + 1} of {_sizes.Length}: PC1 x PC2";
        if (Map is null)
        {
            frame.MapPoints = ReadOnlyMemory<MapPoint>.Empty;
            frame.MapMarkers = ReadOnlyMemory<Vector2>.Empty;
            frame.MapTrail = ReadOnlyMemory<Vector2>.Empty;
            return;
        }
        var map = Map.Layers[layer];
        if (_mapPointsFor != (Map, layer))
        {
            _mapPoints = new MapPoint[Map.Labels.Length];
            for (var i = 0; i < _mapPoints.Length; i++) _mapPoints[i] = new MapPoint(map.Points[2 * i], map.Points[2 * i + 1], Map.Labels[i]);
            _mapPointsFor = (Map, layer);
        }
        frame.MapPoints = _mapPoints;
        var (x, y) = map.Project(SelectedLatent());
        _marker[0] = new Vector2(x, y);
        frame.MapMarkers = _marker;
        var size = _sizes[layer];
        for (var i = 0; i < _trail.Count; i++)
        {
            var (tx, ty) = map.Project(_trail.Point(i, size));
            _trailPoints[i] = new Vector2(tx, ty);
        }
        frame.MapTrail = _trailPoints.AsMemory(0, _trail.Count);
    }

    private void Reconstruct()
    {
        _model.EncodeToNoise(_reconstructionInputs, ReconstructionPairs, _reconstructionPoints);
        _model.Decode(_reconstructionPoints.Inputs, ReconstructionPairs, _reconstructions);
        _reconstructionsStale = false;
    }

    /// <summary>
    /// Starts a requested move from where the selected tile is now, then holds the moved tile on its way or at its
    /// point; in the explorer the centre follows the move while it lasts, and keeps the point (and later nudges) after.
    /// </summary>
    private void MoveSetPoint(TimeSpan now)
    {
        var startsNow = _requestedMove is not null;
        if (_requestedMove is var (target, layers, seconds, easing))
        {
            if (_move.Tile is { } held) _move.ApplyTo(_walk, held, now);
            var (from, fromTile) = View.Mode == GridMode.Explorer ? (_centre, 0) : (_walk, View.SelectedTile);
            _move.Start(View.SelectedTile, from, fromTile, target, layers, now, seconds, easing);
            _requestedMove = null;
        }
        if (_move.Tile is not { } tile) return;
        _move.ApplyTo(_walk, tile, now);
        if (View.Mode == GridMode.Explorer && (startsNow || _move.Moving(now) || _centreMoving))
            _move.ApplyTo(_centre, 0, now);
        _centreMoving = View.Mode == GridMode.Explorer && _move.Moving(now);
    }
}
