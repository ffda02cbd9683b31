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

    /// <param name="weights">Draws the initial weights (<see cref="ModelFactory"/>); null for a model whose weights are loaded next.</param>
    public HierarchicalVae(LvaeConfig config, Generator? weights) : base(nameof(HierarchicalVae), config with { Kind = ModelKind.Vae }, weights)
    {
        _encoders = new ModuleList<DenseStack>();
        _encoderHeads = new ModuleList<GaussianHead>();
        long width = LvaeConfig.ImagePixels;
        for (var i = 0; i < Config.Depth; i++)
        {
            _encoders.Add(new DenseStack(width, Config.HiddenSizes[i], Config.BatchNorm, weights));
            _encoderHeads.Add(new GaussianHead(Config.HiddenSizes[i], Config.LatentSizes[i], Config.BatchNorm, weights));
            width = Config.LatentSizes[i];
        }
        RegisterComponents();
    }

    public override InferencePass Infer(Tensor x, Generator? noise)
    {
        var (samples, means, variances) = Sample(Posterior(0, x), noise);
        var (logQ, logP) = LogDensities(samples, means, variances);
        var kl = logQ.Zip(logP, (q, p) => q - p).ToArray();
        return new InferencePass(samples, means, variances, kl, Generative.LogLikelihood(x, samples[0]), () => (logQ, logP));
    }

    /// <summary>The image's part of inference: q(z_1 | x), which every draw shares.</summary>
    internal override (Tensor Mean, Tensor Variance)[] PerImage(Tensor x) => [Posterior(0, x)];

    internal override IEnumerable<nn.Module> PerImageModules => [_encoders[0], _encoderHeads[0]];

    internal override Tensor LogWeights(Tensor x, (Tensor Mean, Tensor Variance)[] perImage, int samples, Generator noise)
    {
        // Row s * B + b is draw s of image b, as Infer draws them for x repeated: the same noise gives the same samples.
        var (first, firstVariance) = perImage[0];
        var (z, means, variances) = Sample((first.repeat(samples, 1), firstVariance.repeat(samples, 1)), noise);
        var (logQ, logP) = LogDensities(z, means, variances);
        var weight = Generative.LogLikelihoodOfDraws(x, z[0], samples);
        for (var i = 0; i < z.Length; i++) weight = weight.add(logP[i], HeldScalar.One) - logQ[i];
        return weight;
    }

    /// <summary>Draws every layer bottom-up, z_1 from q(z_1 | x) = <paramref name="first"/>, each layer above from q(z_i | z_{i-1}).</summary>
    private (Tensor[] Samples, Tensor[] Means, Tensor[] Variances) Sample((Tensor Mean, Tensor Variance) first, Generator? noise)
    {
        var depth = Config.Depth;
        var (samples, means, variances) = (new Tensor[depth], new Tensor[depth], new Tensor[depth]);
        for (var i = 0; i < depth; i++)
        {
            (means[i], variances[i]) = i == 0 ? first : Posterior(i, samples[i - 1]);
            samples[i] = Gaussian.Sample(means[i], variances[i], noise);
        }
        return (samples, means, variances);
    }

    /// <summary>Each layer's log q(z_i | z_{i-1}) and log p(z_i | z_{i+1}) at the samples.</summary>
    private (Tensor[] LogQ, Tensor[] LogP) LogDensities(Tensor[] samples, Tensor[] means, Tensor[] variances)
    {
        var depth = Config.Depth;
        var (logQ, logP) = (new Tensor[depth], new Tensor[depth]);
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
        }
        return (logQ, logP);
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
