using LvaeLive.Model.Inference;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// The importance weights of an LVAE or VAE, computed for speed: on a copy of the model as eval mode computes it, with
/// every batch norm folded into its dense layer; what belongs to an image (the LVAE's bottom-up pass, the VAE's
/// q(z_1 | x)) once per batch of images; and the draws of a chunk as one batch of rows through the rest. It draws the
/// noise that <see cref="HierarchicalModel.Infer"/> draws for the images repeated, so it scores the same samples.
/// </summary>
public sealed class FoldedImportanceSampler : IImportanceSampler, IDisposable
{
    private readonly HierarchicalModel _copy;

    /// <summary>Copies <paramref name="model"/>'s current weights; later training does not reach the copy.</summary>
    public FoldedImportanceSampler(HierarchicalModel model) => _copy = BatchNormFolding.FoldedCopy(model);

    public DrawLogWeights Prepare(Tensor x)
    {
        // The Bernoulli weights flip the logits' signs by the pixels (BernoulliPixels), which holds for binary pixels only.
        if (_copy.Config.Likelihood == Likelihood.Bernoulli && (x * x).ne(x).any().item<bool>())
            throw new ArgumentException("the Bernoulli likelihood scores binary images: binarize them first (TestImages.Prepare)");
        var perImage = _copy.PerImage(x);
        return (samples, noise) => _copy.LogWeights(x, perImage, samples, noise).view(samples, x.shape[0]);
    }

    public void Dispose() => _copy.Dispose();
}
