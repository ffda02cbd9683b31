using LvaeLive.Model.Live;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// Steering along the latent map in noise space. The map's axes are directions of z_i; a point holds eps_i, and
/// z_i = mu_p + sigma_p eps_i, so moving z_i by a along an axis u is moving eps_i by a u / sigma_p under the prior that
/// the layers above give it now. The layers below keep their noise and follow through their priors.
/// </summary>
public static class NoiseSteering
{
    /// <summary>One nudge moves a latent this many standard deviations of the map axis.</summary>
    public const float NudgeInStandardDeviations = 0.25f;

    /// <summary>The test digits' standard deviation along map axis <paramref name="axis"/>.</summary>
    public static float AxisSpread(LayerMap map, int axis) => MathF.Sqrt(Math.Max(map.ExplainedVariance[axis], 1e-6f));

    /// <summary>The distance of one nudge along <paramref name="axis"/>: a fixed share of the digits' spread along it.</summary>
    public static float NudgeLength(LayerMap map, int axis) => NudgeInStandardDeviations * AxisSpread(map, axis);

    /// <summary>Adds to <paramref name="noise"/> the change of eps_i that moves z_i by <paramref name="amount"/> along map axis <paramref name="axis"/> (0 or 1).</summary>
    /// <param name="priorScale">sigma_p of this layer at the point (ones for the top layer).</param>
    public static void MoveAlongMapAxis(LayerMap map, int axis, float amount, ReadOnlySpan<float> priorScale, Span<float> noise)
    {
        var direction = map.Axis(axis);
        for (var i = 0; i < noise.Length; i++) noise[i] += amount * direction[i] / priorScale[i];
    }

    /// <summary>
    /// Adds to <paramref name="noise"/> the change of eps_i that puts <paramref name="latent"/> (z_i) at
    /// (<paramref name="x"/>, <paramref name="y"/>) on the map: the pointer's place when the marker is dragged. It moves
    /// z_i along both map axes by the distance from where it is drawn now; the axes are orthonormal, so each move
    /// changes only its own coordinate, and with the layers above unchanged the prior (mu_p, sigma_p) stays the same.
    /// </summary>
    /// <param name="latent">z_i as last decoded from <paramref name="noise"/>.</param>
    /// <param name="priorScale">sigma_p of this layer at the point, from the same decoding.</param>
    public static void MoveOnMapTo(LayerMap map, ReadOnlySpan<float> latent, float x, float y, ReadOnlySpan<float> priorScale, Span<float> noise)
    {
        var (fromX, fromY) = map.Project(latent);
        MoveAlongMapAxis(map, 0, x - fromX, priorScale, noise);
        MoveAlongMapAxis(map, 1, y - fromY, priorScale, noise);
    }
}
