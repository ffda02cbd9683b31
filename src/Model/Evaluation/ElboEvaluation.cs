using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>The 1-sample ELBO of a data set and its parts, averaged per image (nats).</summary>
public sealed record ElboReport(double Elbo, double Reconstruction, double[] Kl, int Images);

public static class ElboEvaluation
{
    public const long NoiseSeed = 7;

    /// <summary>
    /// Scores <paramref name="images"/> (N, 784) with one posterior sample each from a fixed-seed generator, with
    /// batch norm's running averages (eval mode), in batches, without gradients. Leaves the model in the mode it found.
    /// <paramref name="stop"/> is looked at before each batch, so that a stop is answered within one batch.
    /// </summary>
    public static ElboReport Evaluate(HierarchicalModel model, Tensor images, int batchSize = 1000, CancellationToken stop = default)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var noise = new Generator(NoiseSeed, images.device);
            var count = (int)images.shape[0];
            double reconstruction = 0;
            var kl = new double[model.Config.Depth];
            for (var start = 0; start < count; start += batchSize)
            {
                stop.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var pass = model.Infer(images.narrow(0, start, Math.Min(batchSize, count - start)), noise);
                reconstruction += pass.LogLikelihood.sum().item<float>();
                for (var i = 0; i < kl.Length; i++) kl[i] += pass.Kl[i].sum().item<float>();
            }
            var perImage = kl.Select(k => k / count).ToArray();
            return new ElboReport(reconstruction / count - perImage.Sum(), reconstruction / count, perImage, count);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
