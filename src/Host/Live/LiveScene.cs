using System.Numerics;
using LvaeLive.Model;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// What the live view shows, frame by frame: a grid of digits decoded from the animated latents (or an interpolation,
/// or a style swap), reconstructions of fixed test digits, the selected layer's latent map with the selected tile's
/// marker and trail. It turns keys into changes of the latents and fills the canvas record; the decoding is the
/// inference copy's, the paths the animation's, the maps the training thread's.
/// </summary>
internal sealed class LiveScene
{
    public const int GridColumns = 8;
    public const int GridTiles = GridColumns * GridColumns;
    public const int ReconstructionPairs = 12;
    private const int TrailLength = 64;
    /// <summary>The trail takes a point at most this often of the loop's time, so that its length in time does not depend on the frame rate.</summary>
    private static readonly TimeSpan TrailSpacing = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);
    private const int Pixels = LvaeConfig.ImagePixels;
    /// <summary>One arrow press moves a latent this many standard deviations of the map axis.</summary>
    private const float NudgeInStandardDeviations = 0.25f;

    private readonly InferenceCopy _model;
    private readonly LatentPaths _paths;
    private readonly float[] _testDigits;
    private readonly byte[] _testLabels;
    private readonly int[] _sizes;

    // Per layer, tiles x size: the paths' noise, the user's shifts of z, and the decoded z.
    private readonly float[][] _noise;
    private readonly float[][] _shifts;
    // Whether a layer was ever nudged: until then its shift is all zeros and is not sent to the decoder at all.
    private readonly bool[] _shifted;
    private readonly float[][] _latents;
    private readonly LayerInput[] _inputs;
    private readonly float[] _digits = new float[GridTiles * Pixels];

    // Interpolation and style swap: each layer's z for every tile, from posterior means of test digits.
    private readonly float[][] _fixedLatents;
    private readonly float[][] _endMeans;
    private readonly float[][] _endVariances;
    private int _fixedLatentsFor = -1;

    private readonly float[] _reconstructionInputs;
    private readonly float[] _reconstructions = new float[ReconstructionPairs * Pixels];
    private readonly float[][] _reconstructionMeans;
    private readonly float[][] _reconstructionVariances;
    private bool _reconstructionsStale = true;

    private readonly float[][] _trail = new float[TrailLength][];
    private int _trailCount;
    private int _trailNext;
    private long _trailSpan = -1; // The TrailSpacing-long span of the loop's time that took the latest point.
    private readonly Vector2[] _trailPoints = new Vector2[TrailLength];
    private readonly Vector2[] _marker = new Vector2[1];
    private MapPoint[] _mapPoints = [];
    private (LatentMap? Map, int Layer) _mapPointsFor;

    public LiveScene(InferenceCopy model, LatentPaths paths, float[] testDigits, byte[] testLabels)
    {
        if (testDigits.Length < ReconstructionPairs * Pixels * 2)
            throw new ArgumentException($"the live view needs at least {2 * ReconstructionPairs} test digits");
        _model = model;
        _paths = paths;
        _testDigits = testDigits;
        _testLabels = testLabels;
        _sizes = model.Config.LatentSizes;
        View = new ViewState(GridTiles, _sizes.Length);
        Clock = new AnimationClock(_sizes.Length);
        _noise = _sizes.Select(size => new float[GridTiles * size]).ToArray();
        _shifts = _sizes.Select(size => new float[GridTiles * size]).ToArray();
        _shifted = new bool[_sizes.Length];
        _latents = _sizes.Select(size => new float[GridTiles * size]).ToArray();
        _fixedLatents = _sizes.Select(size => new float[GridTiles * size]).ToArray();
        _endMeans = _sizes.Select(size => new float[2 * GridColumns * size]).ToArray();
        _endVariances = _sizes.Select(size => new float[2 * GridColumns * size]).ToArray();
        _inputs = new LayerInput[_sizes.Length];
        _reconstructionInputs = testDigits.AsSpan(0, ReconstructionPairs * Pixels).ToArray();
        _reconstructionMeans = _sizes.Select(size => new float[ReconstructionPairs * size]).ToArray();
        _reconstructionVariances = _sizes.Select(size => new float[ReconstructionPairs * size]).ToArray();
        var largest = _sizes.Max();
        for (var i = 0; i < TrailLength; i++) _trail[i] = new float[largest];
    }

    public ViewState View { get; }
    public AnimationClock Clock { get; }
    public LatentMap? Map { get; set; }
    public long WeightsStep => _model.WeightsStep;

    public void LoadWeights(WeightSnapshot snapshot)
    {
        _model.Load(snapshot);
        _reconstructionsStale = true;
        _fixedLatentsFor = -1;
    }

    /// <summary>Moves the selected tile's latent in the selected layer along a map axis (0: x, 1: y) by +-1 step.</summary>
    public bool Nudge(int axis, int direction)
    {
        if (Map is null) return false;
        var layer = Map.Layers[View.SelectedLayer];
        var step = direction * NudgeInStandardDeviations * MathF.Sqrt(Math.Max(layer.ExplainedVariance[axis], 1e-6f));
        var size = _sizes[View.SelectedLayer];
        layer.AddAlongAxis(axis, step, _shifts[View.SelectedLayer].AsSpan(View.SelectedTile * size, size));
        _shifted[View.SelectedLayer] = true;
        return true;
    }

    public void SelectTile(int step)
    {
        View.MoveSelection(step);
        _trailCount = 0;
    }

    public bool SelectLayer(int key)
    {
        if (!View.SelectLayer(key)) return false;
        _trailCount = 0;
        return true;
    }

    /// <summary>Advances the animation to the frame at <paramref name="time"/> and decodes the grid.</summary>
    public void Update(FrameTime time)
    {
        Clock.Advance(time.Seconds);
        if (View.Mode == GridMode.Walk)
        {
            for (var layer = 0; layer < _sizes.Length; layer++)
            {
                _paths.Sample(layer, Clock.LayerSeconds(layer), GridTiles, _noise[layer]);
                _inputs[layer] = LayerInput.Noise(_noise[layer]) with { Shift = ShiftOf(layer) };
            }
        }
        else
        {
            PrepareFixedLatents();
            for (var layer = 0; layer < _sizes.Length; layer++)
                _inputs[layer] = LayerInput.Value(_fixedLatents[layer]) with { Shift = ShiftOf(layer) };
        }
        _model.Decode(_inputs, GridTiles, _digits, _latents);
        if (_reconstructionsStale) Reconstruct();
        var span = time.Now.Ticks / TrailSpacing.Ticks;
        if (span == _trailSpan) return;
        _trailSpan = span;
        RecordTrail();
    }

    private ReadOnlyMemory<float> ShiftOf(int layer) => _shifted[layer] ? _shifts[layer] : ReadOnlyMemory<float>.Empty;

    /// <summary>Writes what the scene shows into the canvas record (HUD, help and curves are the caller's).</summary>
    public void Fill(CanvasFrame frame)
    {
        frame.Digits = _digits;
        frame.DigitColumns = GridColumns;
        frame.HighlightDigit = View.SelectedTile;
        frame.DigitsTitle = View.Mode switch
        {
            GridMode.Interpolation => "Interpolation (I: back)",
            GridMode.StyleSwap => $"Style swap at layer {View.SelectedLayer + 1} (L: back)",
            _ => "Generated digits",
        };
        frame.ReconstructionInputs = _reconstructionInputs;
        frame.Reconstructions = _reconstructions;
        FillMap(frame);
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
        var size = _sizes[layer];
        var (x, y) = map.Project(_latents[layer].AsSpan(View.SelectedTile * size, size));
        _marker[0] = new Vector2(x, y);
        frame.MapMarkers = _marker;
        for (var i = 0; i < _trailCount; i++)
        {
            var (tx, ty) = map.Project(_trail[(_trailNext - _trailCount + i + TrailLength) % TrailLength].AsSpan(0, size));
            _trailPoints[i] = new Vector2(tx, ty);
        }
        frame.MapTrail = _trailPoints.AsMemory(0, _trailCount);
    }

    /// <summary>Adds the selected tile's latent to its trail, unless it has not moved since the last one.</summary>
    private void RecordTrail()
    {
        var size = _sizes[View.SelectedLayer];
        var current = _latents[View.SelectedLayer].AsSpan(View.SelectedTile * size, size);
        if (_trailCount > 0 && current.SequenceEqual(_trail[(_trailNext - 1 + TrailLength) % TrailLength].AsSpan(0, size))) return;
        current.CopyTo(_trail[_trailNext]);
        _trailNext = (_trailNext + 1) % TrailLength;
        _trailCount = Math.Min(_trailCount + 1, TrailLength);
    }

    private void Reconstruct()
    {
        _model.Encode(_reconstructionInputs, ReconstructionPairs, _reconstructionMeans, _reconstructionVariances);
        for (var layer = 0; layer < _sizes.Length; layer++) _inputs[layer] = LayerInput.Value(_reconstructionMeans[layer]);
        _model.Decode(_inputs, ReconstructionPairs, _reconstructions);
        _reconstructionsStale = false;
    }

    /// <summary>
    /// The latents of the interpolation or style swap: 16 test digits chosen by the mode's variant are encoded (their
    /// posterior means). Interpolation walks every layer from the first digit to the second across the grid; the style
    /// swap gives row r the layers above the selected one from digit r and column c the rest from digit 8 + c.
    /// </summary>
    private void PrepareFixedLatents()
    {
        var key = View.ModeVariant * 32 + (int)View.Mode * 8 + View.SelectedLayer;
        if (_fixedLatentsFor == key) return;
        var count = 2 * GridColumns;
        var firstDigit = ReconstructionPairs + View.ModeVariant * count % (_testLabels.Length - ReconstructionPairs - count);
        _model.Encode(_testDigits.AsMemory(firstDigit * Pixels, count * Pixels), count, _endMeans, _endVariances);
        for (var layer = 0; layer < _sizes.Length; layer++)
        {
            var size = _sizes[layer];
            for (var tile = 0; tile < GridTiles; tile++)
            {
                var target = _fixedLatents[layer].AsSpan(tile * size, size);
                var (row, column) = (tile / GridColumns, tile % GridColumns);
                if (View.Mode == GridMode.Interpolation)
                {
                    var t = tile / (float)(GridTiles - 1);
                    var from = _endMeans[layer].AsSpan(0, size);
                    var to = _endMeans[layer].AsSpan(size, size);
                    for (var d = 0; d < size; d++) target[d] = (1 - t) * from[d] + t * to[d];
                }
                else
                {
                    var source = layer > View.SelectedLayer ? row : GridColumns + column;
                    _endMeans[layer].AsSpan(source * size, size).CopyTo(target);
                }
            }
        }
        _fixedLatentsFor = key;
    }
}
