using System.Runtime.ExceptionServices;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>
/// The crash of `lvae live` in a bounded form. TorchSharp frees a native object (a Scalar made by an implicit
/// conversion, or a tensor outside any dispose scope) in the garbage collector's finalizer. The object becomes
/// unreachable as soon as its handle is read, so a collection on another thread can free it while the native call
/// that was handed the handle still reads it. Here two models train on two threads and a third decodes, while this
/// thread forces a collection and runs the finalizers again and again: each step and decode must still be correct.
/// </summary>
public sealed class FinalizerRaceTests
{
    private static readonly LvaeConfig Tiny = new() { LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] };
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(40);

    [Fact]
    public void TrainingAndDecodingSurviveCollectionsOnAnotherThread()
    {
        using var stop = new CancellationTokenSource();
        var failures = new List<ExceptionDispatchInfo>();
        var steps = new long[2];
        long decodes = 0;
        var workers = new[]
        {
            Worker(() => Train(seed: 1, ref steps[0], stop.Token)),
            Worker(() => Train(seed: 2, ref steps[1], stop.Token)),
            Worker(() => Decode(ref decodes, stop.Token)),
        };

        void Run(Action work)
        {
            try { work(); }
            catch (Exception e) { lock (failures) failures.Add(ExceptionDispatchInfo.Capture(e)); stop.Cancel(); }
        }
        Thread Worker(Action work) => new(() => Run(work)) { IsBackground = true };

        foreach (var worker in workers) worker.Start();
        stop.CancelAfter(Duration);
        while (!stop.IsCancellationRequested)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        stop.Cancel();
        foreach (var worker in workers) worker.Join();

        if (failures.Count > 0) failures[0].Throw();
        Assert.True(steps.All(s => s > 20), $"too few steps to have raced: {string.Join(", ", steps)}");
        Assert.True(decodes > 20, $"too few decodes to have raced: {decodes}");
    }

    private static void Train(int seed, ref long steps, CancellationToken stop)
    {
        using var model = ModelFactory.Create(Tiny, seed: RunSeeds.Weights(seed));
        using var trainer = new Trainer(model, new TrainOptions { Epochs = 1000, BatchSize = 64, TrainLimit = 1024, WarmupEpochs = 5, Seed = seed }, TestSetup.Train, CPU);
        while (!stop.IsCancellationRequested)
        {
            var step = trainer.Step();
            Assert.False(step.Skipped, $"step {step.GlobalStep} of the model seeded {seed} had a non-finite loss");
            Interlocked.Increment(ref steps);
        }
    }

    private static void Decode(ref long decodes, CancellationToken stop)
    {
        using var view = new InferenceCopy(Tiny, CPU, seed: 3);
        const int batch = 16;
        var images = new float[batch * LvaeConfig.ImagePixels];
        var inputs = Tiny.LatentSizes.Select(size => LayerInput.Noise(Enumerable.Range(0, batch * size).Select(i => (float)Math.Sin(i)).ToArray())).ToArray();
        while (!stop.IsCancellationRequested)
        {
            view.Decode(inputs, batch, images);
            Assert.All(images, p => Assert.InRange(p, 0f, 1f));
            Interlocked.Increment(ref decodes);
        }
    }
}
