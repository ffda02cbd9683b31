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

    public LadderVae(LvaeConfig config) : base(nameof(LadderVae), config with { Kind = ModelKind.Lvae })
    {
        _bottomUp = new ModuleList<DenseStack>();
        _bottomUpHeads = new ModuleList<GaussianHead>();
        long width = LvaeConfig.ImagePixels;
        for (var i = 0; i < Config.Depth; i++)
        {
            _bottomUp.Add(new DenseStack(width, Config.HiddenSizes[i], Config.BatchNorm));
            _bottomUpHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm));
            width = Config.HiddenSizes[i];
        }
        if (Config.SeparateTopDown)
        {
            _topDown = new ModuleList<DenseStack>();
            _topDownHeads = new ModuleList<GaussianHead>();
            for (var i = 0; i < Config.Depth - 1; i++)
            {
                _topDown.Add(new DenseStack(Config.LatentSizes[i + 1], Config.HiddenSizes[i], Config.BatchNorm));
                _topDownHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm));
            }
        }
        RegisterComponents();
    }

    public override InferencePass Infer(Tensor x, Generator? noise)
    {
        var estimates = BottomUp(x);
        var depth = Config.Depth;
        var (samples, means, variances) = (new Tensor[depth], new Tensor[depth], new Tensor[depth]);
        var (logQ, logP, kl) = (new Tensor[depth], new Tensor[depth], new Tensor[depth]);

        var top = depth - 1;
        (means[top], variances[top]) = estimates[top];
        samples[top] = Gaussian.Sample(means[top], variances[top], noise);
        logP[top] = Gaussian.LogStandardDensity(samples[top]);
        kl[top] = Gaussian.KlToStandardNormal(means[top], variances[top]);
        logQ[top] = Gaussian.LogDensity(samples[top], means[top], variances[top]);

        for (var i = top - 1; i >= 0; i--)
        {
            var prior = Generative.Prior(i, samples[i + 1]);
            var topDownTerm = TopDown(i, samples[i + 1], prior);
            (means[i], variances[i]) = Gaussian.PrecisionWeightedMerge(estimates[i].Mean, estimates[i].Variance, topDownTerm.Mean, topDownTerm.Variance);
            samples[i] = Gaussian.Sample(means[i], variances[i], noise);
            // Both q(z_i | z_{i+1}, x) and p(z_i | z_{i+1}) are Gaussians given the same z_{i+1}: the KL is exact.
            kl[i] = Gaussian.KlDivergence(means[i], variances[i], prior.Mean, prior.Variance);
            logQ[i] = Gaussian.LogDensity(samples[i], means[i], variances[i]);
            logP[i] = Gaussian.LogDensity(samples[i], prior.Mean, prior.Variance);
        }
        return new InferencePass(samples, means, variances, logQ, logP, kl, Generative.LogLikelihood(x, samples[0]));
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
