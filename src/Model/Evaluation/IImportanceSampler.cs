using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// log p(x, z_s) - log q(z_s | x) for <c>samples</c> independent draws z_s ~ q(z | x) per image of a prepared batch:
/// shape (samples, B).
/// </summary>
public delegate Tensor DrawLogWeights(int samples, Generator noise);

/// <summary>
/// A latent-variable model seen only through its importance weights: what the importance-weighted log-likelihood
/// needs, so that it can be checked on models whose likelihood is known in closed form.
/// </summary>
public interface IImportanceSampler
{
    /// <summary>
    /// Computes once what every draw for a batch x (B, 784 or any width the model takes) shares, and returns what
    /// draws the weights. The tensors it makes belong to the caller's dispose scope.
    /// </summary>
    DrawLogWeights Prepare(Tensor x);
}
