using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>A model seen through the means of its posterior, layer by layer: what active units and PCA need.</summary>
public interface IPosteriorMeanSource
{
    int[] LatentSizes { get; }

    /// <summary>
    /// Each layer's posterior mean for a batch x given one draw of the layers it is conditioned on (for the LVAE the
    /// layers above, for the VAE those below): one tensor (B, D_i) per layer, index 0 = z_1. Averaging over draws
    /// gives E_q[z_i | x].
    /// </summary>
    Tensor[] PosteriorMeans(Tensor x, Generator noise);
}
