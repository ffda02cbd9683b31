using LvaeLive.Model.Nn;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>Each closed form of the ELBO against values worked out by hand.</summary>
public sealed class ElboTermTests
{
    private static Tensor Row(params float[] values) => tensor(values).reshape(1, values.Length);

    [Fact]
    public void FreeBitsPenaliseEachLayersMeanKlOnlyAboveTheFloorAndTakeNoGradientBelowIt()
    {
        // Mean log-likelihood -15; layer 1's mean KL 1 is lifted to the floor 2, layer 2's 4 stays: -15 - 0.5 (2 + 4) = -18.
        var kl1 = tensor(new[] { 0.5f, 1.5f }, requires_grad: true);
        var kl2 = tensor(new[] { 3f, 5f }, requires_grad: true);
        var pass = new InferencePass([], [], [], [kl1, kl2], tensor(new[] { -10f, -20f }), () => ([], []));
        using var beta = new HeldScalar(0.5);
        using var floor = new HeldScalar(2);
        var objective = pass.FreeBitsObjective(beta.Value, floor.Value);
        Assert.Equal(-18f, objective.item<float>(), 5);
        objective.backward();
        Assert.Equal([0f, 0f], kl1.grad!.data<float>().ToArray());
        Assert.Equal([-0.25f, -0.25f], kl2.grad!.data<float>().ToArray());
    }

    [Fact]
    public void KlBetweenDiagonalGaussiansMatchesHandValue()
    {
        // Dim 1: q = N(1, 0.5), p = N(0, 2): 1/2 (ln 4 + (0.5 + 1) / 2 - 1) = 0.5681472.
        // Dim 2: q = N(0, 1), p = N(0, 1): 0.
        var kl = Gaussian.KlDivergence(Row(1, 0), Row(0.5f, 1), Row(0, 0), Row(2, 1));
        Assert.Equal(0.5681472, kl.item<float>(), 5);
    }

    [Fact]
    public void KlToStandardNormalMatchesHandValue()
    {
        // q = N(2, 4): 1/2 (4 + 4 - 1 - ln 4) = 2.8068528.
        Assert.Equal(2.8068528, Gaussian.KlToStandardNormal(Row(2), Row(4)).item<float>(), 5);
    }

    [Fact]
    public void GaussianLogDensityMatchesHandValue()
    {
        // log N(1; 0, 4) = -1/2 (ln 2 pi + ln 4 + 1/4) = -1.7370857.
        Assert.Equal(-1.7370857, Gaussian.LogDensity(Row(1), Row(0), Row(4)).item<float>(), 5);
        // log N(z; 0, I) for z = (1, -1): -(ln 2 pi + 1) = -2.8378771.
        Assert.Equal(-2.8378771, Gaussian.LogStandardDensity(Row(1, -1)).item<float>(), 5);
    }

    [Fact]
    public void BernoulliLogLikelihoodMatchesHandValue()
    {
        // x = (1, 0), logits = (0, 2): ln sigmoid(0) + ln(1 - sigmoid(2)) = -0.6931472 - 2.1269280 = -2.8200752.
        Assert.Equal(-2.8200752, BernoulliPixels.LogLikelihood(Row(1, 0), Row(0, 2)).item<float>(), 5);
    }

    [Fact]
    public void BernoulliLogLikelihoodStaysFiniteForExtremeLogits()
    {
        var logLikelihood = BernoulliPixels.LogLikelihood(Row(1, 0), Row(-200, 200)).item<float>();
        Assert.Equal(-400, logLikelihood, 3);
    }

    [Fact]
    public void PrecisionWeightedMergeMatchesHandValue()
    {
        // Up N(1, 1), down N(3, 3): precision 1 + 1/3 = 4/3, variance 0.75, mean (1/1 + 3/3) * 0.75 = 1.5.
        var (mean, variance) = Gaussian.PrecisionWeightedMerge(Row(1), Row(1), Row(3), Row(3));
        Assert.Equal(1.5, mean.item<float>(), 6);
        Assert.Equal(0.75, variance.item<float>(), 6);
    }

    [Fact]
    public void MergeLeansTowardsTheMorePreciseEstimate()
    {
        var (mean, variance) = Gaussian.PrecisionWeightedMerge(Row(0), Row(0.01f), Row(10), Row(100));
        Assert.InRange(mean.item<float>(), 0, 0.01);
        Assert.True(variance.item<float>() < 0.01);
    }
}
