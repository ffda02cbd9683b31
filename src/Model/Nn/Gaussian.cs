using TorchSharp;
using static LvaeLive.Model.Nn.HeldScalar;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>
/// The closed forms the ELBO is built from, on diagonal Gaussians given by (mean, variance) tensors of shape (B, D).
/// Every function that sums returns one value per example: shape (B). Sums of tensors name their scalar (add(t, One)):
/// TorchSharp's `a + b` makes a temporary one (see <see cref="HeldScalar"/>).
/// </summary>
public static class Gaussian
{
    private static readonly Scalar LogTwoPi = Constant(Math.Log(2 * Math.PI));

    /// <summary>KL(N(mq, vq) || N(mp, vp)) = 1/2 sum(log(vp / vq) + (vq + (mq - mp)^2) / vp - 1).</summary>
    public static Tensor KlDivergence(Tensor meanQ, Tensor varQ, Tensor meanP, Tensor varP)
    {
        var gap = meanQ - meanP;
        var spread = varQ.add(gap * gap, One) / varP;
        return (varP.log() - varQ.log()).add(spread, One).sub(One).sum(1).mul(HeldScalar.Half);
    }

    /// <summary>KL(N(m, v) || N(0, I)) = 1/2 sum(v + m^2 - 1 - log v).</summary>
    public static Tensor KlToStandardNormal(Tensor mean, Tensor variance) =>
        variance.add(mean * mean, One).sub(One).sub(variance.log()).sum(1).mul(HeldScalar.Half);

    /// <summary>log N(z; m, v) = -1/2 sum(log 2 pi + log v + (z - m)^2 / v).</summary>
    public static Tensor LogDensity(Tensor z, Tensor mean, Tensor variance)
    {
        var gap = z - mean;
        return variance.log().add(gap * gap / variance, One).add(LogTwoPi, One).sum(1).mul(MinusHalf);
    }

    /// <summary>log N(z; 0, I).</summary>
    public static Tensor LogStandardDensity(Tensor z) => (z * z).add(LogTwoPi, One).sum(1).mul(MinusHalf);

    /// <summary>
    /// The Ladder VAE's precision-weighted merge of the bottom-up estimate (mh, vh) with the top-down one (mp, vp):
    /// vq = 1 / (1/vh + 1/vp), mq = (mh/vh + mp/vp) vq.
    /// </summary>
    public static (Tensor Mean, Tensor Variance) PrecisionWeightedMerge(Tensor meanUp, Tensor varUp, Tensor meanDown, Tensor varDown)
    {
        var precisionUp = varUp.reciprocal();
        var precisionDown = varDown.reciprocal();
        var variance = precisionUp.add(precisionDown, One).reciprocal();
        return ((meanUp * precisionUp).add(meanDown * precisionDown, One) * variance, variance);
    }

    /// <summary>The reparameterised sample z = m + sqrt(v) eps, eps ~ N(0, I) from the given generator.</summary>
    public static Tensor Sample(Tensor mean, Tensor variance, Generator? generator) =>
        mean.addcmul(variance.sqrt(), randn(mean.shape, dtype: mean.dtype, device: mean.device, generator: generator), One);
}
