using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>
/// The generative model that the LVAE and the VAE share: p(z_L) = N(0, I), p(z_i | z_{i+1}) = N(mu_p, var_p) from an MLP
/// of z_{i+1}, and p(x | z_1) (Bernoulli logits, or a Gaussian on grey levels).
/// </summary>
public sealed class GenerativeModel : nn.Module
{
    /// <summary>Keeps the Gaussian observation variance from collapsing onto a pixel (grey levels are quantised).</summary>
    private static readonly Scalar ObservationVarianceFloor = HeldScalar.Constant(1e-3);

    private readonly Likelihood likelihood;
    // priorStacks[i], priorHeads[i]: p(z_i | z_{i+1}) for i = 0 .. L-2, an MLP as wide as layer i.
    private readonly ModuleList<DenseStack> priorStacks;
    private readonly ModuleList<GaussianHead> priorHeads;
    private readonly DenseStack observationStack;
    private readonly Linear observationMean;
    private readonly Linear? observationVariance;

    public GenerativeModel(LvaeConfig config) : base(nameof(GenerativeModel))
    {
        likelihood = config.Likelihood;
        priorStacks = new ModuleList<DenseStack>();
        priorHeads = new ModuleList<GaussianHead>();
        for (var i = 0; i < config.Depth - 1; i++)
        {
            priorStacks.Add(new DenseStack(config.LatentSizes[i + 1], config.HiddenSizes[i], config.BatchNorm));
            priorHeads.Add(new GaussianHead(config.HiddenSizes[i], config.LatentSizes[i], config.BatchNorm));
        }
        observationStack = new DenseStack(config.LatentSizes[0], config.HiddenSizes[0], config.BatchNorm);
        observationMean = Layers.GlorotLinear(config.HiddenSizes[0], LvaeConfig.ImagePixels);
        observationVariance = likelihood == Likelihood.Gaussian ? Layers.GlorotLinear(config.HiddenSizes[0], LvaeConfig.ImagePixels) : null;
        RegisterComponents();
    }

    /// <summary>p(z_i | z_{i+1}) for layer i (0-based, below the top) given z_{i+1}: (mean, variance), each (B, D_i).</summary>
    public (Tensor Mean, Tensor Variance) Prior(int layer, Tensor zAbove) => priorHeads[layer].call(priorStacks[layer].call(zAbove));

    /// <summary>log p(x | z_1) per example, shape (B).</summary>
    public Tensor LogLikelihood(Tensor x, Tensor z1)
    {
        var feature = observationStack.call(z1);
        if (likelihood == Likelihood.Bernoulli)
            return BernoulliPixels.LogLikelihood(x, observationMean.call(feature));
        var (mean, variance) = GaussianObservation(feature);
        return Gaussian.LogDensity(x, mean, variance);
    }

    /// <summary>E[x | z_1]: the Bernoulli means (pixel probabilities) or the Gaussian means, shape (B, 784).</summary>
    public Tensor ExpectedImage(Tensor z1)
    {
        var feature = observationStack.call(z1);
        return likelihood == Likelihood.Bernoulli ? observationMean.call(feature).sigmoid() : GaussianObservation(feature).Mean;
    }

    private (Tensor Mean, Tensor Variance) GaussianObservation(Tensor feature) =>
        (observationMean.call(feature).sigmoid(), SoftplusOf.Value(observationVariance!.call(feature)).add(ObservationVarianceFloor, HeldScalar.One));
}
