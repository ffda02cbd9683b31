using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>
/// The Ladder VAE (Sønderby et al., 2016). A deterministic bottom-up pass d_i = MLP_i(d_{i-1}), d_0 = x, gives each
/// layer an estimate (mu_hat_i, var_hat_i). The stochastic top-down pass then starts from q(z_L | x) = N(mu_hat_L,
/// var_hat_L) and, for each layer below, merges the bottom-up estimate with the top-down p(z_i | z_{i+1}) by precision
/// weighting. By default the top-down term is the generative model's own prior; with SeparateTopDown the inference
/// path has its own top-down MLPs (the reference code's default).
/// </summary>
public sealed class LadderVae : HierarchicalModel
{
    // bottomUp[i]: d_{i+1} = MLP(d_i); bottomUpHeads[i]: (mu_hat, var_hat) of layer i.
    [ComponentName(Name = "bottomUp")]
    private readonly ModuleList<DenseStack> _bottomUp;
    [ComponentName(Name = "bottomUpHeads")]
    private readonly ModuleList<GaussianHead> _bottomUpHeads;
    // Only with SeparateTopDown: topDown[i], topDownHeads[i] give the inference path's own N(mu, var) for layer i.
    [ComponentName(Name = "topDown")]
    private readonly ModuleList<DenseStack>? _topDown;
    [ComponentName(Name = "topDownHeads")]
    private readonly ModuleList<GaussianHead>? _topDownHeads;

    /// <param name="weights">Draws the initial weights (<see cref="ModelFactory"/>); null for a model whose weights are loaded next.</param>
    public LadderVae(LvaeConfig config, Generator? weights) : base(nameof(LadderVae), config with { Kind = ModelKind.Lvae }, weights)
    {
        _bottomUp = new ModuleList<DenseStack>();
        _bottomUpHeads = new ModuleList<GaussianHead>();
        long width = LvaeConfig.ImagePixels;
        for (var i = 0; i < Config.Depth; i++)
        {
            _bottomUp.Add(new DenseStack(width, Config.HiddenSizes[i], Config.BatchNorm, weights));
            _bottomUpHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm, weights));
            width = Config.HiddenSizes[i];
        }
        if (Config.SeparateTopDown)
        {
            _topDown = new ModuleList<DenseStack>();
            _topDownHeads = new ModuleList<GaussianHead>();
            for (var i = 0; i < Config.Depth - 1; i++)
            {
                _topDown.Add(new DenseStack(Config.LatentSizes[i + 1], Config.HiddenSizes[i], Config.BatchNorm, weights));
                _topDownHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm, weights));
            }
        }
        RegisterComponents();
    }

    public override InferencePass Infer(Tensor x, Generator? noise)
    {
        var (samples, posterior, priors) = Sample(BottomUp(x), noise);
        var depth = Config.Depth;
        var kl = new Tensor[depth];
        for (var i = 0; i < depth; i++)
        {
            var (mean, variance) = posterior[i];
            // Both q(z_i | z_{i+1}, x) and p(z_i | z_{i+1}) are Gaussians given the same z_{i+1}: the KL is exact.
            kl[i] = priors[i] is { } prior
                ? Gaussian.KlDivergence(mean, variance, prior.Mean, prior.Variance)
                : Gaussian.KlToStandardNormal(mean, variance);
        }
        return new InferencePass(samples, posterior.Select(p => p.Mean).ToArray(), posterior.Select(p => p.Variance).ToArray(),
            kl, Generative.LogLikelihood(x, samples[0]), () => LogDensities(samples, posterior, priors));
    }

    /// <summary>Each layer's log q(z_i | z_{i+1}, x) and log p(z_i | z_{i+1}) at its sample.</summary>
    private static (Tensor[] LogPosterior, Tensor[] LogPrior) LogDensities(Tensor[] samples, (Tensor Mean, Tensor Variance)[] posterior,
        (Tensor Mean, Tensor Variance)?[] priors)
    {
        var (logQ, logP) = (new Tensor[samples.Length], new Tensor[samples.Length]);
        for (var i = 0; i < samples.Length; i++)
        {
            logQ[i] = Gaussian.LogDensity(samples[i], posterior[i].Mean, posterior[i].Variance);
            logP[i] = priors[i] is { } prior ? Gaussian.LogDensity(samples[i], prior.Mean, prior.Variance) : Gaussian.LogStandardDensity(samples[i]);
        }
        return (logQ, logP);
    }

    /// <summary>The image's part of inference: the deterministic bottom-up estimates, which every draw shares.</summary>
    internal override (Tensor Mean, Tensor Variance)[] PerImage(Tensor x) => BottomUp(x);

    internal override IEnumerable<nn.Module> PerImageModules => [_bottomUp, _bottomUpHeads];

    internal override Tensor LogWeights(Tensor x, (Tensor Mean, Tensor Variance)[] perImage, int samples, Generator noise)
    {
        // Row s * B + b is draw s of image b, as Infer draws them for x repeated: the same noise gives the same samples.
        var (z, posterior, priors) = Sample(perImage.Select(e => (e.Mean.repeat(samples, 1), e.Variance.repeat(samples, 1))).ToArray(), noise);
        var weight = Generative.LogLikelihoodOfDraws(x, z[0], samples);
        for (var i = 0; i < z.Length; i++)
        {
            var logPrior = priors[i] is { } prior ? Gaussian.LogDensity(z[i], prior.Mean, prior.Variance) : Gaussian.LogStandardDensity(z[i]);
            weight = weight.add(logPrior, HeldScalar.One) - Gaussian.LogDensity(z[i], posterior[i].Mean, posterior[i].Variance);
        }
        return weight;
    }

    /// <summary>
    /// The stochastic top-down pass from the bottom-up estimates: each layer's sample, its posterior q(z_i | z_{i+1}, x)
    /// and its prior p(z_i | z_{i+1}) (null for the top layer, whose prior is N(0, I)). Draws the top layer first.
    /// </summary>
    private (Tensor[] Samples, (Tensor Mean, Tensor Variance)[] Posterior, (Tensor Mean, Tensor Variance)?[] Priors) Sample(
        (Tensor Mean, Tensor Variance)[] estimates, Generator? noise)
    {
        var depth = Config.Depth;
        var samples = new Tensor[depth];
        var posterior = new (Tensor Mean, Tensor Variance)[depth];
        var priors = new (Tensor Mean, Tensor Variance)?[depth];
        var top = depth - 1;
        posterior[top] = estimates[top];
        samples[top] = Gaussian.Sample(posterior[top].Mean, posterior[top].Variance, noise);
        for (var i = top - 1; i >= 0; i--)
        {
            var prior = Generative.Prior(i, samples[i + 1]);
            var topDownTerm = TopDown(i, samples[i + 1], prior);
            posterior[i] = Gaussian.PrecisionWeightedMerge(estimates[i].Mean, estimates[i].Variance, topDownTerm.Mean, topDownTerm.Variance);
            samples[i] = Gaussian.Sample(posterior[i].Mean, posterior[i].Variance, noise);
            priors[i] = prior;
        }
        return (samples, posterior, priors);
    }

    public override (Tensor Mean, Tensor Variance)[] Encode(Tensor x)
    {
        var estimates = BottomUp(x);
        var posterior = new (Tensor Mean, Tensor Variance)[Config.Depth];
        var top = Config.Depth - 1;
        posterior[top] = estimates[top];
        for (var i = top - 1; i >= 0; i--)
        {
            var topDownTerm = TopDown(i, posterior[i + 1].Mean, Generative.Prior(i, posterior[i + 1].Mean));
            posterior[i] = Gaussian.PrecisionWeightedMerge(estimates[i].Mean, estimates[i].Variance, topDownTerm.Mean, topDownTerm.Variance);
        }
        return posterior;
    }

    private (Tensor Mean, Tensor Variance)[] BottomUp(Tensor x)
    {
        var estimates = new (Tensor Mean, Tensor Variance)[Config.Depth];
        var d = x;
        for (var i = 0; i < Config.Depth; i++)
        {
            d = _bottomUp[i].call(d);
            estimates[i] = _bottomUpHeads[i].call(d);
        }
        return estimates;
    }

    private (Tensor Mean, Tensor Variance) TopDown(int layer, Tensor zAbove, (Tensor Mean, Tensor Variance) prior) =>
        _topDown is null ? prior : _topDownHeads![layer].call(_topDown[layer].call(zAbove));
}
