using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

public static class BernoulliPixels
{
    /// <summary>
    /// log p(x | logits) summed over pixels: sum(x l - softplus(l)), which is minus the binary cross-entropy with
    /// logits: one stable fused operation for any logit. Shape (B).
    /// </summary>
    public static Tensor LogLikelihood(Tensor x, Tensor logits) =>
        nn.functional.binary_cross_entropy_with_logits(logits, x, reduction: nn.Reduction.None).sum(1).neg();
}
