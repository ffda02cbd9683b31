using LvaeLive.Model.Nn;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// E_q[z_i | x] for every image and layer, the quantity that active units and PCA are measured on. Where a layer's
/// posterior depends on other sampled layers (the LVAE's on the layers above), its mean is averaged over
/// <c>draws</c> posterior samples of them, from a fixed-seed generator.
/// </summary>
public static class ExpectedPosteriorMeans
{
    public const int DefaultDraws = 10;
    public const long Seed = 13;

    /// <summary>
    /// One CPU float64 tensor (N, D_i) per layer, index 0 = z_1; the caller disposes them. <paramref name="stop"/> is
    /// looked at before each draw (a pass over one batch, the unit of this stage's work), and a stop frees what was
    /// collected: on 10,000 images this stage ran for over a minute without looking.
    /// </summary>
    public static Tensor[] Collect(IPosteriorMeanSource source, Tensor images, int draws = DefaultDraws, int batchSize = 500, CancellationToken stop = default)
    {
        if (draws <= 0) throw new ArgumentException($"posterior draws per image must be positive (got {draws})");
        using var _ = no_grad();
        using var noise = new Generator((ulong)Seed, images.device);
        using var drawCount = new HeldScalar(draws);
        var count = (int)images.shape[0];
        var layers = source.LatentSizes.Select(size => zeros(count, size, ScalarType.Float64)).ToArray();
        try
        {
            for (var start = 0; start < count; start += batchSize)
            {
                var size = Math.Min(batchSize, count - start);
                using var scope = NewDisposeScope();
                var x = images.narrow(0, start, size);
                stop.ThrowIfCancellationRequested();
                var sums = source.PosteriorMeans(x, noise).Select(mean => mean.to(ScalarType.Float64)).ToArray();
                for (var draw = 1; draw < draws; draw++)
                {
                    stop.ThrowIfCancellationRequested();
                    var means = source.PosteriorMeans(x, noise);
                    for (var i = 0; i < sums.Length; i++) sums[i] = sums[i].add(means[i].to(ScalarType.Float64), HeldScalar.One);
                }
                for (var i = 0; i < layers.Length; i++) layers[i].narrow(0, start, size).copy_(sums[i].div(drawCount.Value).cpu());
            }
            return layers;
        }
        catch
        {
            foreach (var layer in layers) layer.Dispose();
            throw;
        }
    }
}
