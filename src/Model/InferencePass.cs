using LvaeLive.Model.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>
/// One pass of a model over a batch with one sample z ~ q(z | x) per example. Per layer (index 0 = z_1), each tensor
/// holds one value per example, shape (B), except <see cref="Samples"/>, <see cref="PosteriorMeans"/> and
/// <see cref="PosteriorVariances"/>, shape (B, D_i).
/// </summary>
public sealed class InferencePass
{
    // Computed when first asked for, in the dispose scope of that moment: training needs only the KL terms and the
    // log-likelihood, and the LVAE's log-densities were about eighty operations of every step.
    private readonly Lazy<(Tensor[] LogPosterior, Tensor[] LogPrior)> _logDensities;

    public InferencePass(Tensor[] samples, Tensor[] posteriorMeans, Tensor[] posteriorVariances, Tensor[] kl, Tensor logLikelihood,
        Func<(Tensor[] LogPosterior, Tensor[] LogPrior)> logDensities)
    {
        (Samples, PosteriorMeans, PosteriorVariances, Kl, LogLikelihood) = (samples, posteriorMeans, posteriorVariances, kl, logLikelihood);
        _logDensities = new(logDensities, LazyThreadSafetyMode.None);
    }

    public Tensor[] Samples { get; }
    public Tensor[] PosteriorMeans { get; }
    public Tensor[] PosteriorVariances { get; }
    public Tensor[] Kl { get; }
    public Tensor LogLikelihood { get; }

    /// <summary>log q(z_i | ...) of each layer's sample under its posterior, shape (B).</summary>
    public Tensor[] LogPosterior => _logDensities.Value.LogPosterior;

    /// <summary>log p(z_i | z_{i+1}) of each layer's sample under its prior (N(0, I) for the top layer), shape (B).</summary>
    public Tensor[] LogPrior => _logDensities.Value.LogPrior;

    /// <summary>The ELBO per example: log p(x | z) - sum KL.</summary>
    public Tensor Elbo() => Elbo(HeldScalar.One);

    /// <summary>The ELBO per example with the KL term scaled by beta (the warm-up): log p(x | z) - beta sum KL.</summary>
    public Tensor Elbo(Scalar beta)
    {
        var kl = Kl[0];
        for (var i = 1; i < Kl.Length; i++) kl = kl.add(Kl[i], HeldScalar.One);
        return LogLikelihood - kl.mul(beta);
    }

    /// <summary>
    /// The batch's training objective with free bits (Kingma et al., 2016): the mean log-likelihood less beta times each
    /// layer's batch-mean KL, where a layer's KL is not penalised below <paramref name="freeBits"/> nats, so that the
    /// optimiser gains nothing by closing a layer whose KL is already small. A scalar tensor, to maximise.
    /// </summary>
    public Tensor FreeBitsObjective(Scalar beta, Scalar freeBits)
    {
        var kl = Kl[0].mean().clamp_min(freeBits);
        for (var i = 1; i < Kl.Length; i++) kl = kl.add(Kl[i].mean().clamp_min(freeBits), HeldScalar.One);
        return LogLikelihood.mean() - kl.mul(beta);
    }

    /// <summary>log p(x, z) - log q(z | x) per example: the importance weight of this sample.</summary>
    public Tensor LogImportanceWeight()
    {
        var weight = LogLikelihood;
        for (var i = 0; i < Samples.Length; i++) weight = weight.add(LogPrior[i], HeldScalar.One) - LogPosterior[i];
        return weight;
    }
}
