using LvaeLive.Model.Data;
using static TorchSharp.torch;

namespace LvaeLive.Model.Live;

/// <summary>
/// Builds the latent maps from a fixed set of test digits: encodes them with the current weights (batch norm's
/// running averages), and takes each layer's first two principal components. Successive maps keep their axes stable:
/// principal directions are only defined up to sign (and order, when two variances are close), so each new direction
/// is matched to the previous map's and flipped or swapped to agree with it, and the map does not jump about.
/// </summary>
public sealed class LatentMapBuilder : IDisposable
{
    /// <summary>The paper's threshold on Cov_x(E_q[u | x]) for an active unit.</summary>
    public const double ActiveVariance = 0.01;

    private readonly Tensor images;
    private readonly byte[] labels;

    public LatentMapBuilder(MnistSplit digits, Likelihood likelihood, Device device)
    {
        images = TestImages.Prepare(digits, likelihood, device);
        labels = digits.Labels;
    }

    public LatentMap Build(HierarchicalModel model, long step, LatentMap? previous)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var posterior = model.Encode(images);
            var layers = new LayerMap[posterior.Length];
            for (var i = 0; i < layers.Length; i++)
                layers[i] = MapOf(posterior[i].Mean, previous?.Layers[i]);
            return new LatentMap(layers, labels, step);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static LayerMap MapOf(Tensor means, LayerMap? previous)
    {
        var size = (int)means.shape[1];
        var mean = means.mean([0]);
        var centred = means - mean;
        var covariance = centred.t().mm(centred) / (means.shape[0] - 1);
        var (eigenvalues, eigenvectors) = linalg.eigh(covariance); // ascending
        var components = Math.Min(2, size);
        var axes = new float[2 * size];
        var variances = new float[2];
        var values = eigenvalues.cpu().data<float>().ToArray();
        var vectors = eigenvectors.cpu().data<float>().ToArray(); // column j is eigenvector j
        for (var k = 0; k < components; k++)
        {
            var column = size - 1 - k;
            variances[k] = values[column];
            for (var d = 0; d < size; d++) axes[k * size + d] = vectors[d * size + column];
        }
        if (previous is not null && previous.Size == size) AlignWith(previous.Axes, axes, variances, size);

        var axesTensor = tensor(axes, [2, size], device: means.device);
        var points = centred.mm(axesTensor.t()).cpu().data<float>().ToArray();
        var active = (int)(covariance.diagonal() > ActiveVariance).sum().item<long>();
        return new LayerMap(points, mean.cpu().data<float>().ToArray(), axes, variances, active);
    }

    private static void AlignWith(float[] previous, float[] axes, float[] variances, int size)
    {
        double Dot(float[] a, int ai, float[] b, int bi)
        {
            double sum = 0;
            for (var d = 0; d < size; d++) sum += a[ai * size + d] * b[bi * size + d];
            return sum;
        }
        if (Math.Abs(Dot(axes, 0, previous, 1)) + Math.Abs(Dot(axes, 1, previous, 0)) > Math.Abs(Dot(axes, 0, previous, 0)) + Math.Abs(Dot(axes, 1, previous, 1)))
        {
            for (var d = 0; d < size; d++) (axes[d], axes[size + d]) = (axes[size + d], axes[d]);
            (variances[0], variances[1]) = (variances[1], variances[0]);
        }
        for (var k = 0; k < 2; k++)
            if (Dot(axes, k, previous, k) < 0)
                for (var d = 0; d < size; d++) axes[k * size + d] = -axes[k * size + d];
    }

    public void Dispose() => images.Dispose();
}
