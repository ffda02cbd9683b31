using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// A latent-variable model seen only through its importance weights: what the importance-weighted log-likelihood
/// needs, so that it can be checked on models whose likelihood is known in closed form.
/// </summary>
public interface IImportanceSampler
{
    /// <summary>
    /// log p(x, z_s) - log q(z_s | x) for <paramref name="samples"/> independent draws z_s ~ q(z | x) per example of a
    /// batch x (B, 784 or any width the model takes): shape (samples, B).
    /// </summary>
    Tensor LogWeights(Tensor x, int samples, Generator noise);
}
