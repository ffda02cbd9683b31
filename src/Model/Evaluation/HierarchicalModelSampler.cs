using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>The LVAE or VAE as active units and PCA see it. The caller puts the model in eval mode and turns gradients off.</summary>
public sealed class HierarchicalModelSampler(HierarchicalModel model) : IPosteriorMeanSource
{
    public int[] LatentSizes => model.Config.LatentSizes;

    public Tensor[] PosteriorMeans(Tensor x, Generator noise) => model.Infer(x, noise).PosteriorMeans;
}
