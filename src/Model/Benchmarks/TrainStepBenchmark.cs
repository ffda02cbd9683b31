using LvaeLive.Model.Nn;
using LvaeLive.Model.Data;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Benchmarks;

/// <summary>What `lvae bench train` measures; rates are per second, times in seconds (medians).</summary>
public sealed record TrainStepReport(
    int BatchSize, double StepSeconds, double StepFlops, double MatmulFlopsPerSecond,
    double MatrixProductSeconds, double BatchNormSeconds, double DecodeGridSeconds, int DecodeGridSize, int Threads)
{
    public double SamplesPerSecond => BatchSize / StepSeconds;
    public double StepFlopsPerSecond => StepFlops / StepSeconds;
    public double FractionOfMatmul => FractionOfMatmulIn(StepSeconds);
    public double OtherSeconds => Math.Max(0, SecondsBesideProducts - BatchNormSeconds);

    /// <summary>What the step spends on everything but its matrix products.</summary>
    public double SecondsBesideProducts => StepSeconds - MatrixProductSeconds;

    /// <summary>The step's rate if everything but its matrix products took no time: the most this way of computing allows.</summary>
    public double ProductsOnlyFractionOfMatmul => FractionOfMatmulIn(MatrixProductSeconds);

    /// <summary>What a step at <paramref name="fractionOfMatmul"/> of mm's rate leaves for everything but its matrix products.</summary>
    public double SecondsBesideProductsAt(double fractionOfMatmul) => StepFlops / (fractionOfMatmul * MatmulFlopsPerSecond) - MatrixProductSeconds;

    /// <summary>The step's FLOPs done in <paramref name="seconds"/>, as a fraction of mm's rate.</summary>
    private double FractionOfMatmulIn(double seconds) => StepFlops / seconds / MatmulFlopsPerSecond;
}

/// <summary>
/// Times one training step of a model against the machine's own dense matrix-multiply rate, and splits the step's
/// time into matrix products, batch norm and the rest by timing each part alone at the step's shapes.
/// </summary>
public static class TrainStepBenchmark
{
    public static TrainStepReport Run(LvaeConfig config, int batchSize, Device device, int repeats = 30)
    {
        var options = new TrainOptions { Epochs = 1_000_000, BatchSize = batchSize, WarmupEpochs = 0 };
        using var model = ModelFactory.Create(config, RunSeeds.Weights(options.Seed));
        model.MoveTo(device);
        var images = new MnistSplit(new float[batchSize * MnistSplit.PixelsPerImage].Select((_, i) => (i * 7919 % 255) / 255f).ToArray(), new byte[batchSize]);
        using var trainer = new Trainer(model, options, images, device);

        var dense = model.modules().OfType<Linear>().Select(l => (Inputs: l.weight!.shape[1], Outputs: l.weight.shape[0])).ToArray();
        var stepFlops = dense.Sum(l => 6.0 * batchSize * l.Inputs * l.Outputs);
        var norms = model.modules().OfType<DenseBatchNorm>().Select(n => n.parameters().First().shape[0]).ToArray();

        using var scope = NewDisposeScope();
        var (mmA, mmB) = (randn(MatmulRate.Side, MatmulRate.Side, device: device), randn(MatmulRate.Side, MatmulRate.Side, device: device));
        // Each repeat times every part once, so that a busy moment of a shared machine weighs on all of them alike.
        var medians = Timing.MediansInterleaved(
        [
            () => trainer.Step(),
            () => { using var c = mmA.mm(mmB); MatmulRate.Synchronize(device); },
            MatrixProducts(dense, batchSize, device),
            BatchNorms(norms, batchSize, device),
        ], repeats);
        var matmulRate = 2.0 * MatmulRate.Side * MatmulRate.Side * MatmulRate.Side / medians[1];
        return new TrainStepReport(batchSize, medians[0], stepFlops, matmulRate, medians[2], medians[3], DecodeGrid(model, 64), 64, get_num_threads());
    }

    /// <summary>The three products of each dense layer in a step: forward, gradient of the input, of the weight.</summary>
    /// <remarks>Its operands belong to the caller's dispose scope.</remarks>
    private static Action MatrixProducts((long Inputs, long Outputs)[] dense, int batch, Device device)
    {
        var operands = dense.Select(l => (X: randn(batch, l.Inputs, device: device), W: randn(l.Outputs, l.Inputs, device: device), G: randn(batch, l.Outputs, device: device))).ToArray();
        return () =>
        {
            using var inner = NewDisposeScope();
            foreach (var (x, w, g) in operands)
            {
                x.mm(w.t());
                g.mm(w);
                g.t().mm(x);
            }
            MatmulRate.Synchronize(device);
        };
    }

    /// <summary>Every batch norm of the model, forward and backward, at the step's shapes.</summary>
    /// <remarks>
    /// Its modules and inputs belong to the caller's dispose scope. The gradient that comes back is a dense one, as in a
    /// step: the gradient of a sum is one value broadcast (stride 0), which sends libtorch's batch norm backward down
    /// a slow path and made this line three times what a step spends.
    /// </remarks>
    private static Action BatchNorms(long[] widths, int batch, Device device)
    {
        var parts = widths.Select(w => (Norm: new DenseBatchNorm(w).to(device), X: randn(batch, w, device: device, requires_grad: true),
            Gradient: randn(batch, w, device: device))).ToArray();
        return () =>
        {
            using var inner = NewDisposeScope();
            foreach (var (norm, x, gradient) in parts) norm.call(x).backward([gradient]);
            MatmulRate.Synchronize(device);
        };
    }

    /// <summary>What the live view pays each frame: decoding a grid of digits from given noise with the inference copy.</summary>
    private static double DecodeGrid(HierarchicalModel model, int digits)
    {
        using var copy = InferenceCopy.Of(model);
        var inputs = model.Config.LatentSizes.Select(size => LayerInput.Noise(Enumerable.Range(0, digits * size).Select(i => MathF.Sin(i)).ToArray())).ToArray();
        var image = new float[digits * LvaeConfig.ImagePixels];
        return Timing.Median(() => copy.Decode(inputs, digits, image), 200, warmup: 10);
    }
}
