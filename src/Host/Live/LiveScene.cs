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

    private readonly InferenceCopy model;
    private readonly LatentPaths paths;
    private readonly float[] testDigits;
    private readonly byte[] testLabels;
    private readonly int[] sizes;

    // Per layer, tiles x size: the paths' noise, the user's shifts of z, and the decoded z.
    private readonly float[][] noise;
    private readonly float[][] shifts;
    // Whether a layer was ever nudged: until then its shift is all zeros and is not sent to the decoder at all.
    private readonly bool[] shifted;
    private readonly float[][] latents;
    private readonly LayerInput[] inputs;
    private readonly float[] digits = new float[GridTiles * Pixels];

    // Interpolation and style swap: each layer's z for every tile, from posterior means of test digits.
    private readonly float[][] fixedLatents;
    private readonly float[][] endMeans;
    private readonly float[][] endVariances;
    private int fixedLatentsFor = -1;

    private readonly float[] reconstructionInputs;
    private readonly float[] reconstructions = new float[ReconstructionPairs * Pixels];
    private readonly float[][] reconstructionMeans;
    private readonly float[][] reconstructionVariances;
    private bool reconstructionsStale = true;

    private readonly float[][] trail = new float[TrailLength][];
    private int trailCount;
    private int trailNext;
    private long trailSpan = -1; // The TrailSpacing-long span of the loop's time that took the latest point.
    private readonly Vector2[] trailPoints = new Vector2[TrailLength];
    private readonly Vector2[] marker = new Vector2[1];
    private MapPoint[] mapPoints = [];
    private (LatentMap? Map, int Layer) mapPointsFor;

    public LiveScene(InferenceCopy model, LatentPaths paths, float[] testDigits, byte[] testLabels)
    {
        if (testDigits.Length < ReconstructionPairs * Pixels * 2)
            throw new ArgumentException($"the live view needs at least {2 * ReconstructionPairs} test digits");
        this.model = model;
        this.paths = paths;
        this.testDigits = testDigits;
        this.testLabels = testLabels;
        sizes = model.Config.LatentSizes;
        View = new ViewState(GridTiles, sizes.Length);
        Clock = new AnimationClock(sizes.Length);
        noise = sizes.Select(size => new float[GridTiles * size]).ToArray();
        shifts = sizes.Select(size => new float[GridTiles * size]).ToArray();
        shifted = new bool[sizes.Length];
        latents = sizes.Select(size => new float[GridTiles * size]).ToArray();
        fixedLatents = sizes.Select(size => new float[GridTiles * size]).ToArray();
        endMeans = sizes.Select(size => new float[2 * GridColumns * size]).ToArray();
        endVariances = sizes.Select(size => new float[2 * GridColumns * size]).ToArray();
        inputs = new LayerInput[sizes.Length];
        reconstructionInputs = testDigits.AsSpan(0, ReconstructionPairs * Pixels).ToArray();
        reconstructionMeans = sizes.Select(size => new float[ReconstructionPairs * size]).ToArray();
        reconstructionVariances = sizes.Select(size => new float[ReconstructionPairs * size]).ToArray();
        var largest = sizes.Max();
        for (var i = 0; i < TrailLength; i++) trail[i] = new float[largest];
    }

    public ViewState View { get; }
    public AnimationClock Clock { get; }
    public LatentMap? Map { get; set; }
    public long WeightsStep => model.WeightsStep;

    public void LoadWeights(WeightSnapshot snapshot)
    {
        model.Load(snapshot);
        reconstructionsStale = true;
        fixedLatentsFor = -1;
    }

    /// <summary>Moves the selected tile's latent in the selected layer along a map axis (0: x, 1: y) by +-1 step.</summary>
    public bool Nudge(int axis, int direction)
    {
        if (Map is null) return false;
        var layer = Map.Layers[View.SelectedLayer];
        var step = direction * NudgeInStandardDeviations * MathF.Sqrt(Math.Max(layer.ExplainedVariance[axis], 1e-6f));
        var size = sizes[View.SelectedLayer];
        layer.AddAlongAxis(axis, step, shifts[View.SelectedLayer].AsSpan(View.SelectedTile * size, size));
        shifted[View.SelectedLayer] = true;
        return true;
    }

    public void SelectTile(int step)
    {
        View.MoveSelection(step);
        trailCount = 0;
    }

    public bool SelectLayer(int key)
    {
        if (!View.SelectLayer(key)) return false;
        trailCount = 0;
        return true;
    }

    /// <summary>Advances the animation to the frame at <paramref name="time"/> and decodes the grid.</summary>
    public void Update(FrameTime time)
    {
        Clock.Advance(time.Seconds);
        if (View.Mode == GridMode.Walk)
        {
            for (var layer = 0; layer < sizes.Length; layer++)
            {
                paths.Sample(layer, Clock.LayerSeconds(layer), GridTiles, noise[layer]);
                inputs[layer] = LayerInput.Noise(noise[layer]) with { Shift = ShiftOf(layer) };
            }
        }
        else
        {
            PrepareFixedLatents();
            for (var layer = 0; layer < sizes.Length; layer++)
                inputs[layer] = LayerInput.Value(fixedLatents[layer]) with { Shift = ShiftOf(layer) };
        }
        model.Decode(inputs, GridTiles, digits, latents);
        if (reconstructionsStale) Reconstruct();
        var span = time.Now.Ticks / TrailSpacing.Ticks;
        if (span == trailSpan) return;
        trailSpan = span;
        RecordTrail();
    }

    private ReadOnlyMemory<float> ShiftOf(int layer) => shifted[layer] ? shifts[layer] : ReadOnlyMemory<float>.Empty;

    /// <summary>Writes what the scene shows into the canvas record (HUD, help and curves are the caller's).</summary>
    public void Fill(CanvasFrame frame)
    {
        frame.Digits = digits;
        frame.DigitColumns = GridColumns;
        frame.HighlightDigit = View.SelectedTile;
        frame.DigitsTitle = View.Mode switch
        {
            GridMode.Interpolation => "Interpolation (I: back)",
            GridMode.StyleSwap => $"Style swap at layer {View.SelectedLayer + 1} (L: back)",
            _ => "Generated digits",
        };
        frame.ReconstructionInputs = reconstructionInputs;
        frame.Reconstructions = reconstructions;
        FillMap(frame);
    }

    private void FillMap(CanvasFrame frame)
    {
        var layer = View.SelectedLayer;
        frame.MapTitle = $"Layer {layer + 1} of {sizes.Length}: PC1 x PC2";
        if (Map is null)
        {
            frame.MapPoints = ReadOnlyMemory<MapPoint>.Empty;
            frame.MapMarkers = ReadOnlyMemory<Vector2>.Empty;
            frame.MapTrail = ReadOnlyMemory<Vector2>.Empty;
            return;
        }
        var map = Map.Layers[layer];
        if (mapPointsFor != (Map, layer))
        {
            mapPoints = new MapPoint[Map.Labels.Length];
            for (var i = 0; i < mapPoints.Length; i++) mapPoints[i] = new MapPoint(map.Points[2 * i], map.Points[2 * i + 1], Map.Labels[i]);
            mapPointsFor = (Map, layer);
        }
        frame.MapPoints = mapPoints;
        var size = sizes[layer];
        var (x, y) = map.Project(latents[layer].AsSpan(View.SelectedTile * size, size));
        marker[0] = new Vector2(x, y);
        frame.MapMarkers = marker;
        for (var i = 0; i < trailCount; i++)
        {
            var (tx, ty) = map.Project(trail[(trailNext - trailCount + i + TrailLength) % TrailLength].AsSpan(0, size));
            trailPoints[i] = new Vector2(tx, ty);
        }
        frame.MapTrail = trailPoints.AsMemory(0, trailCount);
    }

    /// <summary>Adds the selected tile's latent to its trail, unless it has not moved since the last one.</summary>
    private void RecordTrail()
    {
        var size = sizes[View.SelectedLayer];
        var current = latents[View.SelectedLayer].AsSpan(View.SelectedTile * size, size);
        if (trailCount > 0 && current.SequenceEqual(trail[(trailNext - 1 + TrailLength) % TrailLength].AsSpan(0, size))) return;
        current.CopyTo(trail[trailNext]);
        trailNext = (trailNext + 1) % TrailLength;
        trailCount = Math.Min(trailCount + 1, TrailLength);
    }

    private void Reconstruct()
    {
        model.Encode(reconstructionInputs, ReconstructionPairs, reconstructionMeans, reconstructionVariances);
        for (var layer = 0; layer < sizes.Length; layer++) inputs[layer] = LayerInput.Value(reconstructionMeans[layer]);
        model.Decode(inputs, ReconstructionPairs, reconstructions);
        reconstructionsStale = false;
    }

    /// <summary>
    /// The latents of the interpolation or style swap: 16 test digits chosen by the mode's variant are encoded (their
    /// posterior means). Interpolation walks every layer from the first digit to the second across the grid; the style
    /// swap gives row r the layers above the selected one from digit r and column c the rest from digit 8 + c.
    /// </summary>
    private void PrepareFixedLatents()
    {
        var key = View.ModeVariant * 32 + (int)View.Mode * 8 + View.SelectedLayer;
        if (fixedLatentsFor == key) return;
        var count = 2 * GridColumns;
        var firstDigit = ReconstructionPairs + View.ModeVariant * count % (testLabels.Length - ReconstructionPairs - count);
        model.Encode(testDigits.AsMemory(firstDigit * Pixels, count * Pixels), count, endMeans, endVariances);
        for (var layer = 0; layer < sizes.Length; layer++)
        {
            var size = sizes[layer];
            for (var tile = 0; tile < GridTiles; tile++)
            {
                var target = fixedLatents[layer].AsSpan(tile * size, size);
                var (row, column) = (tile / GridColumns, tile % GridColumns);
                if (View.Mode == GridMode.Interpolation)
                {
                    var t = tile / (float)(GridTiles - 1);
                    var from = endMeans[layer].AsSpan(0, size);
                    var to = endMeans[layer].AsSpan(size, size);
                    for (var d = 0; d < size; d++) target[d] = (1 - t) * from[d] + t * to[d];
                }
                else
                {
                    var source = layer > View.SelectedLayer ? row : GridColumns + column;
                    endMeans[layer].AsSpan(source * size, size).CopyTo(target);
                }
            }
        }
        fixedLatentsFor = key;
    }
}
