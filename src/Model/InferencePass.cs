using LvaeLive.Model.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model;

/// <summary>
/// One pass of a model over a batch with one sample z ~ q(z | x) per example. Per layer (index 0 = z_1), each tensor
/// holds one value per example, shape (B), except <see cref="Samples"/>, <see cref="PosteriorMeans"/> and
/// <see cref="PosteriorVariances"/>, shape (B, D_i).
/// </summary>
public sealed record InferencePass(
    Tensor[] Samples,
    Tensor[] PosteriorMeans,
    Tensor[] PosteriorVariances,
    Tensor[] LogPosterior,
    Tensor[] LogPrior,
    Tensor[] Kl,
    Tensor LogLikelihood)
{
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
