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

    /// <summary>log p(x, z) - log q(z | x) per example: the importance weight of this sample.</summary>
    public Tensor LogImportanceWeight()
    {
        var weight = LogLikelihood;
        for (var i = 0; i < Samples.Length; i++) weight = weight.add(LogPrior[i], HeldScalar.One) - LogPosterior[i];
        return weight;
    }
}
