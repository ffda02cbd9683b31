using LvaeLive.Files.Time;
using LvaeLive.Model.Nn;
using LvaeLive.Model.Evaluation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Benchmarks;

/// <summary>One measurement of the importance-weighted evaluation at one k.</summary>
/// <remarks>The torch.mm rate is measured just before the row, so that the ratio compares the same moment of a shared machine.</remarks>
public sealed record IwBenchmarkRow(int Samples, int Images, double Seconds, double Flops, double MatmulFlopsPerSecond, long PeakBytes, bool PeakWasReset)
{
    /// <summary>(image, sample) pairs scored per second: each is one row through the draw's part of the model.</summary>
    public double PairsPerSecond => (double)Images * Samples / Seconds;

    public double FlopsPerSecond => Flops / Seconds;

    public double FractionOfMatmul => FlopsPerSecond / MatmulFlopsPerSecond;

    public double FullTestSetSeconds(int images) => (double)images * Samples / PairsPerSecond;
}

/// <summary>What `lvae bench eval` measures, and what it held in memory while measuring.</summary>
public sealed record IwBenchmarkReport(IReadOnlyList<IwBenchmarkRow> Rows, long BaselineBytes, int RowsPerForward, int Threads, int TestImages,
    double FlopsPerPair, double FlopsPerImage);

/// <summary>
/// Times the importance-weighted log-likelihood of the paper's network on a few images at several k, with the whole
/// test set resident (as `lvae eval` holds it), against the same run's torch.mm rate, and reads the process's peak
/// resident memory after each. Time scales with images x k, so the full test set's time is extrapolated; memory is
/// bounded by the chunk and should not grow with k.
/// </summary>
public static class IwBenchmark
{
    public static IwBenchmarkReport Run(LvaeConfig config, int[] samples, int images, int rowsPerForward, Device device)
    {
        using var model = ModelFactory.Create(config, seed: 1);
        model.MoveTo(device);
        model.eval();
        // The full test set's size, with pixels set like binarized digits; speed does not depend on the values.
        const int testImages = 10_000;
        using var generator = new Generator(1, device);
        using var inkFraction = new HeldScalar(0.13);
        using var testSet = rand([testImages, LvaeConfig.ImagePixels], generator: generator, device: device).lt(inkFraction.Value).to(ScalarType.Float32);
        using var measured = testSet.narrow(0, 0, images);
        using var sampler = new FoldedImportanceSampler(model);
        var baseline = PeakMemory.Current;
        var (perPair, perImage) = MatrixFlops(model);

        // One chunk of the measured size first, so that the first measurement does not pay for libtorch's warm-up and
        // the allocator's first requests of chunk-sized blocks.
        var chunk = new IwOptions { Samples = samples.Max(), RowsPerForward = rowsPerForward }.SamplesPerForward;
        ImportanceWeightedLikelihood.Estimate(sampler, measured, new IwOptions { Samples = chunk, RowsPerForward = rowsPerForward });
        var rows = samples.Select(k =>
        {
            var matmul = MatmulRate.Measure(device, repeats: 10);
            var reset = PeakMemory.Reset();
            var started = WallClock.StartNew();
            ImportanceWeightedLikelihood.Estimate(sampler, measured, new IwOptions { Samples = k, RowsPerForward = rowsPerForward });
            var seconds = started.Elapsed.TotalSeconds;
            return new IwBenchmarkRow(k, images, seconds, images * (perImage + (double)k * perPair), matmul, PeakMemory.Peak, reset);
        }).ToList();
        return new IwBenchmarkReport(rows, baseline, rowsPerForward, get_num_threads(), testImages, perPair, perImage);
    }

    /// <summary>Matrix FLOPs (2 m n per row of each dense layer) per (image, sample) pair and per image.</summary>
    private static (double PerPair, double PerImage) MatrixFlops(HierarchicalModel model)
    {
        static double Flops(IEnumerable<Linear> layers) => layers.Sum(l => 2.0 * l.weight!.shape[0] * l.weight.shape[1]);
        var perImage = Flops(model.PerImageModules.SelectMany(m => m.modules()).OfType<Linear>());
        return (Flops(model.modules().OfType<Linear>()) - perImage, perImage);
    }
}
