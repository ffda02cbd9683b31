using LvaeLive.Model.Evaluation;

namespace LvaeLive.Model.Live;

/// <summary>
/// One layer's map: the test digits' posterior means projected on the layer's first two principal directions.
/// <see cref="Points"/> holds (x, y) pairs; <see cref="Axes"/> the two directions (2 x size, row-major), so that any
/// latent of the layer can be placed on the same map, and a move along an axis moves it along that map axis.
/// </summary>
/// <see cref="ActiveUnits"/> counts the units whose posterior mean varies across the digits by more than 0.01 (the
/// paper's criterion, with each layer above at its posterior mean rather than sampled: a live approximation).
public sealed record LayerMap(float[] Points, float[] Mean, float[] Axes, float[] ExplainedVariance, int ActiveUnits)
{
    public int Size => Mean.Length;

    /// <summary>The map position of a latent z (one row of the layer's size).</summary>
    public (float X, float Y) Project(ReadOnlySpan<float> z)
    {
        float x = 0, y = 0;
        for (var i = 0; i < Mean.Length; i++)
        {
            var centred = z[i] - Mean[i];
            x += centred * Axes[i];
            y += centred * Axes[Mean.Length + i];
        }
        return (x, y);
    }

    /// <summary>Map axis <paramref name="axis"/> (0: x, 1: y): a unit direction of z.</summary>
    public ReadOnlySpan<float> Axis(int axis) => Axes.AsSpan(axis * Mean.Length, Mean.Length);
}

/// <summary>
/// Every layer's map of one set of test digits, with their labels, for the weights of training step <see cref="Step"/>;
/// with what redrawing each layer's noise changes (<see cref="Effects"/>, bottom layer first) for the same weights.
/// </summary>
public sealed record LatentMap(IReadOnlyList<LayerMap> Layers, byte[] Labels, long Step, IReadOnlyList<LayerEffect> Effects);
