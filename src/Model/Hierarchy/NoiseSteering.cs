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
}
