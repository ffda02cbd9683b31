using System.Numerics;
using System.Runtime.InteropServices;

namespace LvaeLive.Model.Training;

/// <summary>
/// Adam's update on CPU memory in one pass: the gradient clip, both moments and the parameter, per element, where
/// libtorch takes eight passes over the same ~9 MB (and one more each to zero and to accumulate the gradients). The
/// step is memory-bound, so the passes were a sixth of a training step. The arithmetic is Adam's, in its order.
/// </summary>
internal static class AdamKernel
{
    /// <summary>The coefficients of one step, the same for every element.</summary>
    public readonly record struct Coefficients(float Beta1, float Beta2, float OneMinusBeta1, float OneMinusBeta2,
        float SecondMomentCorrection, float Epsilon, float NegativeStepSize);

    /// <summary>Sum of the squares of <paramref name="gradient"/>, in double so that two million terms lose nothing.</summary>
    public static double SumOfSquares(ReadOnlySpan<float> gradient)
    {
        var width = Vector<float>.Count;
        var sum = 0.0;
        var i = 0;
        // Float lanes over blocks short enough that their sums stay exact to float's precision, then double.
        const int Block = 4096;
        for (; i + Block <= gradient.Length; i += Block) sum += BlockSum(gradient.Slice(i, Block), width);
        sum += BlockSum(gradient[i..], width);
        return sum;
    }

    private static double BlockSum(ReadOnlySpan<float> block, int width)
    {
        var lanes = Vector<float>.Zero;
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(block);
        foreach (var v in vectors) lanes += v * v;
        double sum = Vector.Sum(lanes);
        for (var i = vectors.Length * width; i < block.Length; i++) sum += (double)block[i] * block[i];
        return sum;
    }

    /// <summary>
    /// One Adam step of one parameter: g = clip * gradient; m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
    /// value += -step * m / (sqrt(v) / sqrt(1 - beta2^t) + eps).
    /// </summary>
    public static void Update(ReadOnlySpan<float> gradient, float clip, Span<float> firstMoment, Span<float> secondMoment,
        Span<float> values, in Coefficients c)
    {
        if (firstMoment.Length != gradient.Length || secondMoment.Length != gradient.Length || values.Length != gradient.Length)
            throw new ArgumentException("a parameter's gradient, moments and values must have one length");
        var g = MemoryMarshal.Cast<float, Vector<float>>(gradient);
        var m = MemoryMarshal.Cast<float, Vector<float>>(firstMoment);
        var v = MemoryMarshal.Cast<float, Vector<float>>(secondMoment);
        var p = MemoryMarshal.Cast<float, Vector<float>>(values);
        var (vClip, vBeta1, vBeta2) = (new Vector<float>(clip), new Vector<float>(c.Beta1), new Vector<float>(c.Beta2));
        var (vOneMinusBeta1, vOneMinusBeta2) = (new Vector<float>(c.OneMinusBeta1), new Vector<float>(c.OneMinusBeta2));
        var (vCorrection, vEpsilon, vStep) = (new Vector<float>(c.SecondMomentCorrection), new Vector<float>(c.Epsilon), new Vector<float>(c.NegativeStepSize));
        for (var i = 0; i < g.Length; i++)
        {
            var gi = g[i] * vClip;
            var mi = m[i] * vBeta1 + vOneMinusBeta1 * gi;
            var vi = v[i] * vBeta2 + vOneMinusBeta2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] += vStep * (mi / (Vector.SquareRoot(vi) / vCorrection + vEpsilon));
        }
        for (var i = g.Length * Vector<float>.Count; i < gradient.Length; i++)
        {
            var gi = gradient[i] * clip;
            var mi = firstMoment[i] * c.Beta1 + c.OneMinusBeta1 * gi;
            var vi = secondMoment[i] * c.Beta2 + c.OneMinusBeta2 * gi * gi;
            firstMoment[i] = mi;
            secondMoment[i] = vi;
            values[i] += c.NegativeStepSize * (mi / (MathF.Sqrt(vi) / c.SecondMomentCorrection + c.Epsilon));
        }
    }
}
