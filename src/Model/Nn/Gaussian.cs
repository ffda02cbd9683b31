using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>
/// The closed forms the ELBO is built from, on diagonal Gaussians given by (mean, variance) tensors of shape (B, D).
/// Every function that sums returns one value per example: shape (B).
/// </summary>
public static class Gaussian
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>KL(N(mq, vq) || N(mp, vp)) = 1/2 sum(log(vp / vq) + (vq + (mq - mp)^2) / vp - 1).</summary>
    public static Tensor KlDivergence(Tensor meanQ, Tensor varQ, Tensor meanP, Tensor varP) =>
        0.5 * (varP.log() - varQ.log() + (varQ + (meanQ - meanP).square()) / varP - 1).sum(1);

    /// <summary>KL(N(m, v) || N(0, I)) = 1/2 sum(v + m^2 - 1 - log v).</summary>
    public static Tensor KlToStandardNormal(Tensor mean, Tensor variance) =>
        0.5 * (variance + mean.square() - 1 - variance.log()).sum(1);

    /// <summary>log N(z; m, v) = -1/2 sum(log 2 pi + log v + (z - m)^2 / v).</summary>
    public static Tensor LogDensity(Tensor z, Tensor mean, Tensor variance) =>
        -0.5 * (LogTwoPi + variance.log() + (z - mean).square() / variance).sum(1);

    /// <summary>log N(z; 0, I).</summary>
    public static Tensor LogStandardDensity(Tensor z) => -0.5 * (LogTwoPi + z.square()).sum(1);

    /// <summary>
    /// The Ladder VAE's precision-weighted merge of the bottom-up estimate (mh, vh) with the top-down one (mp, vp):
    /// vq = 1 / (1/vh + 1/vp), mq = (mh/vh + mp/vp) vq.
    /// </summary>
    public static (Tensor Mean, Tensor Variance) PrecisionWeightedMerge(Tensor meanUp, Tensor varUp, Tensor meanDown, Tensor varDown)
    {
        var precisionUp = varUp.reciprocal();
        var precisionDown = varDown.reciprocal();
        var variance = (precisionUp + precisionDown).reciprocal();
        return ((meanUp * precisionUp + meanDown * precisionDown) * variance, variance);
    }

    /// <summary>The reparameterised sample z = m + sqrt(v) eps, eps ~ N(0, I) from the given generator.</summary>
    public static Tensor Sample(Tensor mean, Tensor variance, Generator? generator) =>
        mean + variance.sqrt() * randn(mean.shape, dtype: mean.dtype, device: mean.device, generator: generator);
}
