namespace LvaeLive.Model.Animation;

/// <summary>
/// Smooth looping paths of standard-normal noise, one per layer and tile: each layer glides along great circles
/// between Gaussian key points, the top layers slowest (so the digit's identity drifts slowly) and the bottom layers
/// fastest (so its style varies). A path is a pure function of (seed, layer, tile, time); with a loop length, every
/// path is periodic in it, so a recording of that length repeats seamlessly.
/// </summary>
public sealed class LatentPaths
{
    private readonly int[] _sizes;
    private readonly double[] _segmentSeconds;
    private readonly long[]? _keysPerLoop;
    private readonly float[] _fromKey;
    private readonly float[] _toKey;

    /// <param name="sizes">Latent size of each layer, bottom (z_1) first.</param>
    /// <param name="seed">Fixes every key point.</param>
    /// <param name="bottomSegmentSeconds">Seconds between key points of the bottom layer; each layer above takes longer.</param>
    /// <param name="loopSeconds">When given, every path repeats with this period (segments are fitted to it).</param>
    public LatentPaths(int[] sizes, long seed, double bottomSegmentSeconds = 2.5, double? loopSeconds = null)
    {
        if (bottomSegmentSeconds <= 0) throw new ArgumentException("the segment length must be positive");
        if (loopSeconds is <= 0) throw new ArgumentException("the loop length must be positive");
        _sizes = sizes;
        Seed = seed;
        _segmentSeconds = new double[sizes.Length];
        _keysPerLoop = loopSeconds is null ? null : new long[sizes.Length];
        for (var layer = 0; layer < sizes.Length; layer++)
        {
            // Each layer up is 1.6 times slower: with five layers the top one changes digit about every 16 s.
            var seconds = bottomSegmentSeconds * Math.Pow(1.6, layer);
            if (loopSeconds is { } loop)
            {
                _keysPerLoop![layer] = Math.Max(2, (long)Math.Round(loop / seconds));
                seconds = loop / _keysPerLoop[layer];
            }
            _segmentSeconds[layer] = seconds;
        }
        var largest = sizes.Max();
        _fromKey = new float[largest];
        _toKey = new float[largest];
    }

    public long Seed { get; }
    public int Depth => _sizes.Length;

    /// <summary>Writes the noise of <paramref name="layer"/> for each tile at time <paramref name="seconds"/> into
    /// <paramref name="noise"/> (tiles x size, row-major).</summary>
    public void Sample(int layer, double seconds, int tiles, Span<float> noise)
    {
        var size = _sizes[layer];
        var position = seconds / _segmentSeconds[layer];
        var segment = (long)Math.Floor(position);
        var phase = GreatCircle.Ease(position - segment);
        for (var tile = 0; tile < tiles; tile++)
        {
            Key(layer, tile, segment, _fromKey.AsSpan(0, size));
            Key(layer, tile, segment + 1, _toKey.AsSpan(0, size));
            GreatCircle.Interpolate(_fromKey.AsSpan(0, size), _toKey.AsSpan(0, size), phase, noise.Slice(tile * size, size));
        }
    }

    private void Key(int layer, int tile, long index, Span<float> key)
    {
        if (_keysPerLoop is not null) index = ((index % _keysPerLoop[layer]) + _keysPerLoop[layer]) % _keysPerLoop[layer];
        for (var unit = 0; unit < key.Length; unit++) key[unit] = StableNoise.Gaussian(Seed, layer, tile, index, unit);
    }
}
