using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>What the LVAE and the VAE have in common: the generative model and the way latents are decoded.</summary>
public abstract class HierarchicalModel : nn.Module
{
    /// <param name="weights">
    /// Draws the initial weights, the generative model's first and then the inference path's, each layer in the order
    /// the constructors make them; null for a model whose weights are loaded next (they start as zeros).
    /// </param>
    protected HierarchicalModel(string name, LvaeConfig config, Generator? weights) : base(name)
    {
        Config = config.Validated();
        _generative = new GenerativeModel(Config, weights);
    }

    public LvaeConfig Config { get; }

    // A field, not only the property, so that RegisterComponents finds it and its weights enter the state dict.
    [ComponentName(Name = "generative")]
    private readonly GenerativeModel _generative;

    public GenerativeModel Generative => _generative;

    /// <summary>Where the weights are; kept because asking the module enumerates every parameter (costly per frame).</summary>
    public Device Device { get; private set; } = CPU;

    /// <summary>Moves the model and remembers where it went.</summary>
    public HierarchicalModel MoveTo(Device device)
    {
        this.to(device);
        Device = device;
        return this;
    }

    /// <summary>Runs inference and the generative model on a batch x (B, 784) with one posterior sample per example.</summary>
    public abstract InferencePass Infer(Tensor x, Generator? noise);

    /// <summary>
    /// What inference computes once per image in an importance-weighted evaluation, whatever the draw: each tensor (B, D).
    /// </summary>
    internal abstract (Tensor Mean, Tensor Variance)[] PerImage(Tensor x);

    /// <summary>The modules that <see cref="PerImage"/> runs: in an evaluation their work is done once per image, not per draw.</summary>
    internal abstract IEnumerable<nn.Module> PerImageModules { get; }

    /// <summary>
    /// log p(x, z_s) - log q(z_s | x) for <paramref name="samples"/> draws per image of x (B, 784), all drawn in one
    /// batch from what <see cref="PerImage"/> gave: shape (samples * B), draw s of image b at s * B + b. The draws are
    /// those of <see cref="Infer"/> on x repeated <paramref name="samples"/> times with the same generator.
    /// </summary>
    internal abstract Tensor LogWeights(Tensor x, (Tensor Mean, Tensor Variance)[] perImage, int samples, Generator noise);

    /// <summary>
    /// Each layer's posterior (mean, variance) for a batch, without sampling: where a layer's posterior depends on
    /// the layer next to it, that layer is taken at its posterior mean.
    /// </summary>
    public abstract (Tensor Mean, Tensor Variance)[] Encode(Tensor x);

    /// <summary>
    /// Each layer's standardized noise for the posterior means of x (B, 784): eps_L = mu_q_L and, below it,
    /// eps_i = (mu_q_i - mu_p) / sigma_p under the prior given the layer above at its posterior mean. Decoding these
    /// (<see cref="LayerLatent.Noise"/>) gives every layer its posterior mean back: a test digit entered top-down.
    /// </summary>
    public Tensor[] EncodeToNoise(Tensor x)
    {
        var posterior = Encode(x);
        var top = Config.Depth - 1;
        var noise = new Tensor[Config.Depth];
        noise[top] = posterior[top].Mean;
        for (var i = top - 1; i >= 0; i--)
        {
            var (mean, variance) = _generative.Prior(i, posterior[i + 1].Mean);
            noise[i] = (posterior[i].Mean - mean) / variance.sqrt();
        }
        return noise;
    }

    /// <summary>
    /// Decodes from the top down. Each layer takes what <paramref name="latents"/> gives it: a value, standard noise
    /// scaled by the prior given the layer above, a draw from that prior (from <paramref name="noise"/>), or the prior's
    /// mean. Returns E[x | z_1] (B, 784) and every layer's z_i (B, D_i). Where <paramref name="priorScales"/> is given,
    /// it receives each layer's prior standard deviation sigma_p (ones for the top layer): what turns a change of z_i
    /// into the change of eps_i that makes it.
    /// </summary>
    public (Tensor Image, Tensor[] Latents) Decode(LayerLatent[] latents, long batch, Generator? noise, Tensor[]? priorScales = null)
    {
        if (latents.Length != Config.Depth)
            throw new ArgumentException($"{latents.Length} layer latents given to a model with {Config.Depth} layers");
        var z = new Tensor[Config.Depth];
        var top = Config.Depth - 1;
        z[top] = latents[top].ResolveStandard(batch, Config.LatentSizes[top], Device, noise);
        if (priorScales is not null) priorScales[top] = torch.ones(batch, Config.LatentSizes[top], device: Device);
        for (var i = top - 1; i >= 0; i--)
        {
            var (mean, variance) = _generative.Prior(i, z[i + 1]);
            z[i] = latents[i].Resolve(mean, variance, noise);
            if (priorScales is not null) priorScales[i] = variance.sqrt();
        }
        return (_generative.ExpectedImage(z[0]), z);
    }
}

/// <summary>What one layer is given when decoding: its value z_i, its standard noise eps_i, or the prior's draw or mean.</summary>
public readonly record struct LayerLatent(LayerLatent.Source From, Tensor? Values)
{
    public enum Source { PriorMean, PriorSample, Value, Noise }

    public static LayerLatent PriorMean => new(Source.PriorMean, null);
    public static LayerLatent PriorSample => new(Source.PriorSample, null);
    public static LayerLatent Value(Tensor z) => new(Source.Value, z);
    public static LayerLatent Noise(Tensor eps) => new(Source.Noise, eps);

    /// <summary>z_i given this layer's prior (mean, variance): z_i, mean + sqrt(var) eps_i, a prior draw, or the mean.</summary>
    internal Tensor Resolve(Tensor priorMean, Tensor priorVariance, Generator? noise) => From switch
    {
        Source.Value => Values!,
        Source.Noise => priorMean.addcmul(priorVariance.sqrt(), Values!, HeldScalar.One),
        Source.PriorSample => Gaussian.Sample(priorMean, priorVariance, noise),
        _ => priorMean.alias(),
    };

    /// <summary>
    /// z_L under the top layer's prior N(0, I): what <see cref="Resolve"/> gives for a zero mean and unit variance,
    /// without computing with them (the live view decodes every frame).
    /// </summary>
    internal Tensor ResolveStandard(long batch, int size, Device device, Generator? noise) => From switch
    {
        Source.Value or Source.Noise => Values!,
        Source.PriorSample => randn([batch, size], device: device, generator: noise),
        _ => zeros(batch, size, device: device),
    };
}
