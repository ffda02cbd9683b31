using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

public static class BernoulliPixels
{
    private static readonly Scalar Two = HeldScalar.Constant(2.0);

    /// <summary>
    /// log p(x | logits) summed over pixels: sum(x l - softplus(l)), which is minus the binary cross-entropy with
    /// logits: one stable fused operation for any logit. Shape (B).
    /// </summary>
    public static Tensor LogLikelihood(Tensor x, Tensor logits) =>
        nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: nn.Reduction.None).sum(1).neg();

    /// <summary>
    /// The same for many draws per binary image: <paramref name="logits"/> (samples * B, 784) hold draw s of image b in
    /// row s * B + b, x (B, 784) is given once. For x in {0, 1}, log p = log sigmoid(l) where x = 1 and log sigmoid(-l)
    /// where x = 0, that is log sigmoid((2x - 1) l): a sign flip in place, one log-sigmoid and the sum, three passes over
    /// the evaluation's largest tensor, where the cross-entropy on the images repeated per draw makes about twice as many.
    /// Overwrites the logits.
    /// </summary>
    internal static Tensor LogLikelihoodOfDraws(Tensor x, Tensor logits, int samples)
    {
        using var signs = x.mul(Two).sub_(HeldScalar.One);
        var signed = logits.view(samples, x.shape[0], x.shape[1]).mul_(signs); // (samples, B, 784)
        using var perPixel = signed.log_sigmoid();
        return perPixel.sum(-1).view(-1);
    }
}
