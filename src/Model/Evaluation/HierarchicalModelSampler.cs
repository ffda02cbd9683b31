using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>The LVAE or VAE as the evaluation sees it. The caller puts the model in eval mode and turns gradients off.</summary>
public sealed class HierarchicalModelSampler(HierarchicalModel model) : IImportanceSampler, IPosteriorMeanSource
{
    public int[] LatentSizes => model.Config.LatentSizes;

    public Tensor LogWeights(Tensor x, int samples, Generator noise)
    {
        var batch = x.shape[0];
        // (samples * B, 784): sample s of example b is row s * B + b. In eval mode batch norm uses its running
        // averages, so repeating rows changes nothing but the number of draws.
        using var repeated = x.repeat(samples, 1);
        return model.Infer(repeated, noise).LogImportanceWeight().view(samples, batch);
    }

    public Tensor[] PosteriorMeans(Tensor x, Generator noise) => model.Infer(x, noise).PosteriorMeans;
}
