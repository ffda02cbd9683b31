using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Utils;
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

    private readonly Likelihood _likelihood;
    // priorStacks[i], priorHeads[i]: p(z_i | z_{i+1}) for i = 0 .. L-2, an MLP as wide as layer i.
    [ComponentName(Name = "priorStacks")]
    private readonly ModuleList<DenseStack> _priorStacks;
    [ComponentName(Name = "priorHeads")]
    private readonly ModuleList<GaussianHead> _priorHeads;
    [ComponentName(Name = "observationStack")]
    private readonly DenseStack _observationStack;
    [ComponentName(Name = "observationMean")]
    private readonly Linear _observationMean;
    [ComponentName(Name = "observationVariance")]
    private readonly Linear? _observationVariance;

    /// <param name="weights">Draws the initial weights; null for a model whose weights are loaded next.</param>
    public GenerativeModel(LvaeConfig config, Generator? weights) : base(nameof(GenerativeModel))
    {
        _likelihood = config.Likelihood;
        _priorStacks = new ModuleList<DenseStack>();
        _priorHeads = new ModuleList<GaussianHead>();
        for (var i = 0; i < config.Depth - 1; i++)
        {
            _priorStacks.Add(new DenseStack(config.LatentSizes[i + 1], config.HiddenSizes[i], config.BatchNorm, weights));
            _priorHeads.Add(new GaussianHead(config.HiddenSizes[i], config.LatentSizes[i], config.BatchNorm, weights));
        }
        _observationStack = new DenseStack(config.LatentSizes[0], config.HiddenSizes[0], config.BatchNorm, weights);
        _observationMean = Layers.GlorotLinear(config.HiddenSizes[0], LvaeConfig.ImagePixels, weights);
        _observationVariance = _likelihood == Likelihood.Gaussian ? Layers.GlorotLinear(config.HiddenSizes[0], LvaeConfig.ImagePixels, weights) : null;
        RegisterComponents();
    }

    /// <summary>p(z_i | z_{i+1}) for layer i (0-based, below the top) given z_{i+1}: (mean, variance), each (B, D_i).</summary>
    public (Tensor Mean, Tensor Variance) Prior(int layer, Tensor zAbove) => _priorHeads[layer].call(_priorStacks[layer].call(zAbove));

    /// <summary>log p(x | z_1) per example, shape (B).</summary>
    public Tensor LogLikelihood(Tensor x, Tensor z1)
    {
        var feature = _observationStack.call(z1);
        if (_likelihood == Likelihood.Bernoulli)
            return BernoulliPixels.LogLikelihood(x, _observationMean.call(feature));
        var (mean, variance) = GaussianObservation(feature);
        return Gaussian.LogDensity(x, mean, variance);
    }

    /// <summary>
    /// log p(x | z_1) for many draws per image, shape (samples * B): z1 (samples * B, D_1) holds draw s of image b in
    /// row s * B + b, and x (B, 784) is given once. With a Bernoulli likelihood x must be binary.
    /// </summary>
    internal Tensor LogLikelihoodOfDraws(Tensor x, Tensor z1, int samples)
    {
        var feature = _observationStack.call(z1);
        if (_likelihood == Likelihood.Bernoulli)
            return BernoulliPixels.LogLikelihoodOfDraws(x, _observationMean.call(feature), samples);
        var (mean, variance) = GaussianObservation(feature);
        using var repeated = x.repeat(samples, 1);
        return Gaussian.LogDensity(repeated, mean, variance);
    }

    /// <summary>E[x | z_1]: the Bernoulli means (pixel probabilities) or the Gaussian means, shape (B, 784).</summary>
    public Tensor ExpectedImage(Tensor z1)
    {
        var feature = _observationStack.call(z1);
        return _likelihood == Likelihood.Bernoulli ? _observationMean.call(feature).sigmoid() : GaussianObservation(feature).Mean;
    }

    private (Tensor Mean, Tensor Variance) GaussianObservation(Tensor feature) =>
        (_observationMean.call(feature).sigmoid(), SoftplusOf.Value(_observationVariance!.call(feature)).add(ObservationVarianceFloor, HeldScalar.One));
}
