using LvaeLive.Model.Inference;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// Points of the hierarchy, one per tile, each held as every layer's standardized noise eps_i: z_L = eps_L and
/// z_i = mu_p(z_{i+1}) + sigma_p(z_{i+1}) eps_i. Held this way, a change of an upper layer moves every layer below it
/// through their priors while they keep their own noise (their style); a point held as values z_i would let z_1
/// alone decide the digit. Plain floats: layer i holds tiles x size_i, row-major.
/// </summary>
public sealed class NoiseGrid
{
    private readonly float[][] _layers;
    private readonly LayerInput[] _inputs;

    public NoiseGrid(IReadOnlyList<int> sizes, int tiles)
    {
        if (tiles < 1) throw new ArgumentOutOfRangeException(nameof(tiles), tiles, "a grid holds at least one point");
        Sizes = sizes.ToArray();
        Tiles = tiles;
        _layers = Sizes.Select(size => new float[tiles * size]).ToArray();
        _inputs = _layers.Select(layer => LayerInput.Noise(layer)).ToArray();
    }

    public int[] Sizes { get; }
    public int Tiles { get; }
    public int Depth => Sizes.Length;

    /// <summary>The decoder's inputs: every layer given as noise.</summary>
    public ReadOnlySpan<LayerInput> Inputs => _inputs;

    /// <summary>Every tile's noise in <paramref name="layer"/> (tiles x size).</summary>
    public float[] Layer(int layer) => _layers[layer];

    /// <summary>One tile's noise in one layer.</summary>
    public Span<float> Of(int layer, int tile) => _layers[layer].AsSpan(tile * Sizes[layer], Sizes[layer]);

    /// <summary>Copies <paramref name="layer"/> of <paramref name="fromTile"/> in <paramref name="source"/> into <paramref name="toTile"/> here.</summary>
    public void CopyLayer(NoiseGrid source, int fromTile, int toTile, int layer) => source.Of(layer, fromTile).CopyTo(Of(layer, toTile));

    /// <summary>Copies every layer of one point of <paramref name="source"/> into <paramref name="toTile"/> here.</summary>
    public void CopyPoint(NoiseGrid source, int fromTile, int toTile)
    {
        for (var layer = 0; layer < Depth; layer++) CopyLayer(source, fromTile, toTile, layer);
    }

    /// <summary>This grid becomes <paramref name="a"/> + <paramref name="b"/>, tile by tile (both of its shape).</summary>
    public void SetSum(NoiseGrid a, NoiseGrid b)
    {
        for (var layer = 0; layer < Depth; layer++)
        {
            var (left, right, sum) = (a._layers[layer], b._layers[layer], _layers[layer]);
            for (var i = 0; i < sum.Length; i++) sum[i] = left[i] + right[i];
        }
    }

    public void Clear()
    {
        foreach (var layer in _layers) Array.Clear(layer);
    }
}
