namespace LvaeLive.Model.Animation;

/// <summary>
/// Interpolation between Gaussian points along the great circle: a standard-normal vector's norm is close to sqrt(D),
/// so a straight line between two of them passes through unlikely low-norm points (washed-out digits), while the great
/// circle, with the norm interpolated linearly, stays where the prior puts its mass.
/// </summary>
public static class GreatCircle
{
    public static void Interpolate(ReadOnlySpan<float> from, ReadOnlySpan<float> to, double t, Span<float> result)
    {
        double normFrom = 0, normTo = 0, dot = 0;
        for (var i = 0; i < from.Length; i++)
        {
            normFrom += from[i] * from[i];
            normTo += to[i] * to[i];
            dot += from[i] * to[i];
        }
        normFrom = Math.Sqrt(normFrom);
        normTo = Math.Sqrt(normTo);
        var cos = normFrom > 0 && normTo > 0 ? Math.Clamp(dot / (normFrom * normTo), -1, 1) : 1;
        var angle = Math.Acos(cos);
        double a, b;
        if (angle < 1e-4)
        {
            (a, b) = (1 - t, t);
        }
        else
        {
            // Unit-sphere slerp weights, then rescaled to the linearly interpolated norm.
            var sin = Math.Sin(angle);
            var norm = (1 - t) * normFrom + t * normTo;
            a = Math.Sin((1 - t) * angle) / sin * norm / normFrom;
            b = Math.Sin(t * angle) / sin * norm / normTo;
        }
        for (var i = 0; i < from.Length; i++) result[i] = (float)(a * from[i] + b * to[i]);
    }

    /// <summary>Smootherstep: a phase in [0, 1] eased so that the path's speed and acceleration vanish at key points.</summary>
    public static double Ease(double t) => t * t * t * (t * (6 * t - 15) + 10);
}
