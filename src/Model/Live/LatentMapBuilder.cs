using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Live;

/// <summary>
/// Builds the latent maps from a fixed set of test digits: encodes them with the current weights (batch norm's
/// running averages), and takes each layer's first two principal components. Successive maps keep their axes stable:
/// principal directions are only defined up to sign (and order, when two variances are close), so each new direction
/// is matched to the previous map's and flipped or swapped to agree with it, and the map does not jump about. Each
/// map also measures what each layer changes (<see cref="LayerEffects"/>, with few draws: a live figure), judging
/// class changes when a classifier is at hand.
/// </summary>
public sealed class LatentMapBuilder : IDisposable
{
    private readonly Tensor _images;
    private readonly byte[] _labels;
    private readonly IDigitClassifier? _classifier;
    private readonly LayerEffects _effects = new(LayerEffects.LiveDraws);

    /// <param name="classifier">Judges the class changes; on <paramref name="device"/>, owned by the caller. Null: pixel changes only.</param>
    public LatentMapBuilder(MnistSplit digits, Likelihood likelihood, Device device, IDigitClassifier? classifier = null)
    {
        _images = TestImages.Prepare(digits, likelihood, device);
        _labels = digits.Labels;
        _classifier = classifier;
    }

    public LatentMap Build(HierarchicalModel model, long step, LatentMap? previous)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var posterior = model.Encode(_images);
            var layers = new LayerMap[posterior.Length];
            for (var i = 0; i < layers.Length; i++)
                layers[i] = MapOf(posterior[i].Mean, previous?.Layers[i]);
            return new LatentMap(layers, _labels, step, _effects.Measure(model, _classifier));
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static LayerMap MapOf(Tensor means, LayerMap? previous)
    {
        var size = (int)means.shape[1];
        var pca = PrincipalComponents.Of(means);
        var axes = new float[2 * size];
        var variances = new float[2];
        for (var k = 0; k < Math.Min(2, size); k++)
        {
            variances[k] = (float)pca.Variances[k];
            for (var d = 0; d < size; d++) axes[k * size + d] = (float)pca.Directions[k][d];
        }
        if (previous is not null && previous.Size == size) AlignWith(previous.Axes, axes, variances, size);

        var mean = means.mean([0]);
        var points = (means - mean).mm(tensor(axes, [2, size], device: means.device).t()).cpu().data<float>().ToArray();
        // The posterior means along the mean path stand in for E_q[u | x]: a live approximation of the paper's measure.
        var active = ActiveUnits.Measure(means).Active;
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

    public void Dispose() => _images.Dispose();
}
