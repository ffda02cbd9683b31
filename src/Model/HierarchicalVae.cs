using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>
/// The paper's baseline: the same generative model as the LVAE, with purely bottom-up inference
/// q(z_1 | x), q(z_i | z_{i-1}). Its KL terms have no closed form (p(z_i | z_{i+1}) depends on a sample drawn after
/// z_i), so each layer's KL is the one-sample estimate log q(z_i | z_{i-1}) - log p(z_i | z_{i+1}).
/// </summary>
public sealed class HierarchicalVae : HierarchicalModel
{
    // encoders[i], encoderHeads[i]: q(z_i | z_{i-1}) with z_0 = x.
    [ComponentName(Name = "encoders")]
    private readonly ModuleList<DenseStack> _encoders;
    [ComponentName(Name = "encoderHeads")]
    private readonly ModuleList<GaussianHead> _encoderHeads;

    public HierarchicalVae(LvaeConfig config) : base(nameof(HierarchicalVae), config with { Kind = ModelKind.Vae })
    {
        _encoders = new ModuleList<DenseStack>();
        _encoderHeads = new ModuleList<GaussianHead>();
        long width = LvaeConfig.ImagePixels;
        for (var i = 0; i < Config.Depth; i++)
        {
            _encoders.Add(new DenseStack(width, Config.HiddenSizes[i], Config.BatchNorm));
            _encoderHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm));
            width = Config.LatentSizes[i];
        }
        RegisterComponents();
    }

    public override InferencePass Infer(Tensor x, Generator? noise)
    {
        var depth = Config.Depth;
        var (samples, means, variances) = (new Tensor[depth], new Tensor[depth], new Tensor[depth]);
        var below = x;
        for (var i = 0; i < depth; i++)
        {
            (means[i], variances[i]) = Posterior(i, below);
            samples[i] = Gaussian.Sample(means[i], variances[i], noise);
            below = samples[i];
        }

        var (logQ, logP, kl) = (new Tensor[depth], new Tensor[depth], new Tensor[depth]);
        for (var i = 0; i < depth; i++)
        {
            logQ[i] = Gaussian.LogDensity(samples[i], means[i], variances[i]);
            if (i == depth - 1)
            {
                logP[i] = Gaussian.LogStandardDensity(samples[i]);
            }
            else
            {
                var (priorMean, priorVariance) = Generative.Prior(i, samples[i + 1]);
                logP[i] = Gaussian.LogDensity(samples[i], priorMean, priorVariance);
            }
            kl[i] = logQ[i] - logP[i];
        }
        return new InferencePass(samples, means, variances, logQ, logP, kl, Generative.LogLikelihood(x, samples[0]));
    }

    public override (Tensor Mean, Tensor Variance)[] Encode(Tensor x)
    {
        var posterior = new (Tensor Mean, Tensor Variance)[Config.Depth];
        var below = x;
        for (var i = 0; i < Config.Depth; i++)
        {
            posterior[i] = Posterior(i, below);
            below = posterior[i].Mean;
        }
        return posterior;
    }

    private (Tensor Mean, Tensor Variance) Posterior(int layer, Tensor below) => _encoderHeads[layer].call(_encoders[layer].call(below));
}
