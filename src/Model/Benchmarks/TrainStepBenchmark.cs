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
    public double FractionOfMatmul => StepFlopsPerSecond / MatmulFlopsPerSecond;
    public double OtherSeconds => Math.Max(0, StepSeconds - MatrixProductSeconds - BatchNormSeconds);
}

/// <summary>
/// Times one training step of a model against the machine's own dense matrix-multiply rate, and splits the step's
/// time into matrix products, batch norm and the rest by timing each part alone at the step's shapes.
/// </summary>
public static class TrainStepBenchmark
{
    public static TrainStepReport Run(LvaeConfig config, int batchSize, Device device, int repeats = 30)
    {
        manual_seed(1);
        using var model = ModelFactory.Create(config);
        model.MoveTo(device);
        var images = new MnistSplit(new float[batchSize * MnistSplit.PixelsPerImage].Select((_, i) => (i * 7919 % 255) / 255f).ToArray(), new byte[batchSize]);
        using var trainer = new Trainer(model, new TrainOptions { Epochs = 1_000_000, BatchSize = batchSize, WarmupEpochs = 0 }, images, device);
        var step = Timing.Median(() => trainer.Step(), repeats);

        var dense = model.modules().OfType<Linear>().Select(l => (Inputs: l.weight!.shape[1], Outputs: l.weight.shape[0])).ToArray();
        var stepFlops = dense.Sum(l => 6.0 * batchSize * l.Inputs * l.Outputs);
        var norms = model.modules().OfType<DenseBatchNorm>().Select(n => n.parameters().First().shape[0]).ToArray();

        return new TrainStepReport(batchSize, step, stepFlops, MatmulRate.Measure(device, repeats),
            MatrixProducts(dense, batchSize, device, repeats), BatchNorms(norms, batchSize, device, repeats),
            DecodeGrid(model, 64), 64, get_num_threads());
    }

    /// <summary>The three products of each dense layer in a step: forward, gradient of the input, of the weight.</summary>
    private static double MatrixProducts((long Inputs, long Outputs)[] dense, int batch, Device device, int repeats)
    {
        using var scope = NewDisposeScope();
        var operands = dense.Select(l => (X: randn(batch, l.Inputs, device: device), W: randn(l.Outputs, l.Inputs, device: device), G: randn(batch, l.Outputs, device: device))).ToArray();
        return Timing.Median(() =>
        {
            using var inner = NewDisposeScope();
            foreach (var (x, w, g) in operands)
            {
                x.mm(w.t());
                g.mm(w);
                g.t().mm(x);
            }
            MatmulRate.Synchronize(device);
        }, repeats);
    }

    private static double BatchNorms(long[] widths, int batch, Device device, int repeats)
    {
        using var scope = NewDisposeScope();
        var parts = widths.Select(w => (Norm: new DenseBatchNorm(w).to(device), X: randn(batch, w, device: device, requires_grad: true))).ToArray();
        return Timing.Median(() =>
        {
            using var inner = NewDisposeScope();
            foreach (var (norm, x) in parts) norm.call(x).sum().backward();
            MatmulRate.Synchronize(device);
        }, repeats);
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
