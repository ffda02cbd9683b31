using LvaeLive.Model.Nn;
using LvaeLive.Model.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Benchmarks;

/// <summary>One measurement of the importance-weighted evaluation at one k.</summary>
public sealed record IwBenchmarkRow(int Samples, int Images, double Seconds, long PeakBytes, bool PeakWasReset)
{
    /// <summary>(image, sample) pairs scored per second: each is one row through the whole model.</summary>
    public double PairsPerSecond => (double)Images * Samples / Seconds;

    public double FullTestSetSeconds(int images) => (double)images * Samples / PairsPerSecond;
}

/// <summary>What `lvae bench eval` measures, and what it held in memory while measuring.</summary>
public sealed record IwBenchmarkReport(IReadOnlyList<IwBenchmarkRow> Rows, long BaselineBytes, int RowsPerForward, int Threads, int TestImages);

/// <summary>
/// Times the importance-weighted log-likelihood of the paper's network on a few images at several k, with the whole
/// test set resident (as `lvae eval` holds it), and reads the process's peak resident memory after each. Time scales
/// with images x k, so the full test set's time is extrapolated; memory is bounded by the chunk and should not grow with k.
/// </summary>
public static class IwBenchmark
{
    public static IwBenchmarkReport Run(LvaeConfig config, int[] samples, int images, int rowsPerForward, Device device)
    {
        manual_seed(1);
        using var model = ModelFactory.Create(config);
        model.MoveTo(device);
        model.eval();
        // The full test set's size, with pixels set like binarized digits; speed does not depend on the values.
        const int testImages = 10_000;
        using var generator = new Generator(1, device);
        using var inkFraction = new HeldScalar(0.13);
        using var testSet = rand([testImages, LvaeConfig.ImagePixels], generator: generator, device: device).lt(inkFraction.Value).to(ScalarType.Float32);
        using var measured = testSet.narrow(0, 0, images);
        var sampler = new HierarchicalModelSampler(model);
        var baseline = PeakMemory.Current;

        // A short run first, so that the first measurement does not pay for libtorch's warm-up.
        ImportanceWeightedLikelihood.Estimate(sampler, measured, new IwOptions { Samples = 10, RowsPerForward = rowsPerForward });
        var rows = samples.Select(k =>
        {
            var reset = PeakMemory.Reset();
            var started = Time.WallClock.StartNew();
            ImportanceWeightedLikelihood.Estimate(sampler, measured, new IwOptions { Samples = k, RowsPerForward = rowsPerForward });
            return new IwBenchmarkRow(k, images, started.Elapsed.TotalSeconds, PeakMemory.Peak, reset);
        }).ToList();
        return new IwBenchmarkReport(rows, baseline, rowsPerForward, get_num_threads(), testImages);
    }
}
