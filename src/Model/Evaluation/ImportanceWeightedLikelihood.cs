using LvaeLive.Model.Nn;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// How the importance-weighted estimate is computed. Memory is bounded by <see cref="RowsPerForward"/> (one forward
/// pass holds that many (image, sample) rows), whatever the number of samples or images.
/// </summary>
public sealed record IwOptions
{
    /// <summary>The paper's k.</summary>
    public const int PaperSamples = 5000;
    /// <summary>The paper's test batch.</summary>
    public const int PaperImagesPerBatch = 25;

    public int Samples { get; init; } = PaperSamples;
    /// <summary>Images scored together at the least; with few samples more are, to fill a forward pass.</summary>
    public int ImagesPerBatch { get; init; } = PaperImagesPerBatch;
    /// <summary>
    /// (image, sample) rows per forward pass: large enough that the matrix products run at full speed, small enough
    /// that a pass of the paper's network stays near a hundred megabytes.
    /// </summary>
    public int RowsPerForward { get; init; } = 5000;
    public long Seed { get; init; } = 11;

    public int BatchImages => Math.Max(ImagesPerBatch, RowsPerForward / Samples);
    public int SamplesPerForward => Math.Max(1, Math.Min(Samples, RowsPerForward / BatchImages));

    public IwOptions Validated()
    {
        if (Samples <= 0) throw new ArgumentException($"--iw-samples must be positive (got {Samples}); the paper used {PaperSamples}");
        if (ImagesPerBatch <= 0) throw new ArgumentException($"the importance-weighted test batch must be positive (got {ImagesPerBatch})");
        if (RowsPerForward <= 0) throw new ArgumentException($"rows per forward pass must be positive (got {RowsPerForward})");
        return this;
    }
}

/// <summary>
/// Per image: the importance-weighted estimate log p(x) ~ logmeanexp_k w_k, and the mean log-weight of the same
/// samples (the 1-sample ELBO's estimate, which Jensen's inequality puts below it).
/// </summary>
public sealed record IwEstimate(double[] LogLikelihood, double[] MeanLogWeight, int Samples)
{
    public double MeanLogLikelihood => LogLikelihood.Average();
}

/// <summary>
/// The importance-weighted log-likelihood, log p(x) ~ logmeanexp_k [log p(x, z_k) - log q(z_k | x)] (Burda et al.;
/// the paper's test measure), computed over batches of images and chunks of samples with a running logsumexp, so that
/// k = 5000 on the whole test set needs no more memory than one chunk.
/// </summary>
public static class ImportanceWeightedLikelihood
{
    /// <summary>
    /// Scores every row of <paramref name="images"/> with k samples from a generator seeded by the options.
    /// <paramref name="progress"/> gets the fraction done after each chunk; <paramref name="stop"/> is checked there too.
    /// </summary>
    public static IwEstimate Estimate(IImportanceSampler sampler, Tensor images, IwOptions options, Action<double>? progress = null, CancellationToken stop = default)
    {
        options.Validated();
        // Inference mode: no autograd, and no version counters on the chunks' tensors.
        using var _ = inference_mode();
        using var noise = new Generator((ulong)options.Seed, images.device);
        using var noWeight = new HeldScalar(double.NegativeInfinity);
        using var logSamples = new HeldScalar(Math.Log(options.Samples));
        using var samplesScalar = new HeldScalar(options.Samples);
        var count = (int)images.shape[0];
        var logLikelihood = new double[count];
        var meanLogWeight = new double[count];
        // In long: k near int.MaxValue overflows the round-up, which left no chunk to run and an estimate of -infinity.
        var chunksPerBatch = ((long)options.Samples + options.SamplesPerForward - 1) / options.SamplesPerForward;
        var batches = (count + options.BatchImages - 1) / options.BatchImages;
        for (var batchIndex = 0; batchIndex < batches; batchIndex++)
        {
            var start = batchIndex * options.BatchImages;
            var size = Math.Min(options.BatchImages, count - start);
            using var scope = NewDisposeScope();
            var logWeights = sampler.Prepare(images.narrow(0, start, size));
            // Running logsumexp and sum of the weights, in double: k terms of order -100 nats each.
            var logSum = full(size, noWeight.Value, ScalarType.Float64, images.device);
            var sum = zeros(size, ScalarType.Float64, images.device);
            for (long chunk = 0; chunk < chunksPerBatch; chunk++)
            {
                stop.ThrowIfCancellationRequested();
                var samples = (int)Math.Min(options.SamplesPerForward, options.Samples - chunk * options.SamplesPerForward);
                using var chunkScope = NewDisposeScope();
                var weights = logWeights(samples, noise).to(ScalarType.Float64); // (samples, B)
                logSum.copy_(logaddexp(logSum, weights.logsumexp(0)));
                sum.add_(weights.sum([0]), HeldScalar.One);
                progress?.Invoke((batchIndex * chunksPerBatch + chunk + 1) / ((double)batches * chunksPerBatch));
            }
            var estimate = logSum.sub(logSamples.Value).cpu().data<double>().ToArray();
            var mean = sum.div(samplesScalar.Value).cpu().data<double>().ToArray();
            estimate.CopyTo(logLikelihood, start);
            mean.CopyTo(meanLogWeight, start);
        }
        return new IwEstimate(logLikelihood, meanLogWeight, options.Samples);
    }
}
