using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

public static class BernoulliPixels
{
    /// <summary>log p(x | logits) summed over pixels: sum(x l - softplus(l)), stable for any logit. Shape (B).</summary>
    public static Tensor LogLikelihood(Tensor x, Tensor logits) =>
        (x * logits - nn.functional.softplus(logits)).sum(1);
}
