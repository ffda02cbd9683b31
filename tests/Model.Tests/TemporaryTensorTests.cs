using System.Runtime.CompilerServices;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>
/// The other half of <see cref="FinalizerRaceTests"/>: a tensor made outside every dispose scope and never disposed
/// is freed by the finalizer, which races the native calls of other threads as a temporary Scalar does. Each path
/// that the live view, training and evaluation repeat must dispose every tensor it makes outside a scope.
/// </summary>
public sealed class TemporaryTensorTests : IDisposable
{
    private static readonly LvaeConfig Tiny = new() { LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] };
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), $"lvae-temporaries-{Guid.NewGuid():N}");

    [Fact]
    public void TrainingStepsLeaveNoTensorToTheFinalizer()
    {
        using var model = ModelFactory.Create(Tiny, seed: 1);
        using var trainer = new Trainer(model, new TrainOptions { Epochs = 10, BatchSize = 64, TrainLimit = 256, WarmupEpochs = 1 }, TestSetup.Train, CPU);
        // Across an epoch boundary (4 steps an epoch), where the next epoch's data is drawn.
        AssertNoTensorLeftToTheFinalizer(() => trainer.Step(), times: 6);
    }

    [Fact]
    public void TheLiveViewsModelWorkLeavesNoTensorToTheFinalizer()
    {
        var options = new TrainOptions { Epochs = 10, BatchSize = 64, TrainLimit = 256, WarmupEpochs = 0 };
        using var session = TrainingSession.Start(_runFolder, Tiny, options, TestSetup.Train, TestSetup.Test.Take(100), CPU);
        var model = session.Trainer.Model;
        using var exchange = new SnapshotExchange(model);
        using var view = new InferenceCopy(Tiny, CPU);
        using var maps = new LatentMapBuilder(TestSetup.Test.Take(100), Likelihood.Bernoulli, CPU);
        const int batch = 4;
        var images = new float[batch * LvaeConfig.ImagePixels];
        var noise = Tiny.LatentSizes.Select(size => LayerInput.Noise(new float[batch * size])).ToArray();
        var means = Tiny.LatentSizes.Select(size => new float[batch * size]).ToArray();
        var variances = Tiny.LatentSizes.Select(size => new float[batch * size]).ToArray();
        var points = new NoiseGrid(Tiny.LatentSizes, batch);
        LatentMap? map = null;

        AssertNoTensorLeftToTheFinalizer(() => session.StepOnce(_ => { }), times: 6); // with an epoch's end: test ELBO, checkpoint
        AssertNoTensorLeftToTheFinalizer(() => exchange.Publish(model, step: 1), times: 3);
        AssertNoTensorLeftToTheFinalizer(() => { exchange.Publish(model, step: 2); view.Load(exchange.TakeNewest()!); }, times: 3);
        AssertNoTensorLeftToTheFinalizer(() => view.Decode(noise, batch, images), times: 3);
        AssertNoTensorLeftToTheFinalizer(() => view.Decode(noise, batch, images, means, variances), times: 3);
        AssertNoTensorLeftToTheFinalizer(() => view.EncodeToNoise(images, batch, points), times: 3);
        AssertNoTensorLeftToTheFinalizer(() => view.Encode(images, batch, means, variances), times: 3);
        AssertNoTensorLeftToTheFinalizer(() => map = maps.Build(model, step: 3, map), times: 3);
    }

    [Fact]
    public void EvaluationLeavesNoTensorToTheFinalizer()
    {
        using var model = ModelFactory.Create(Tiny, seed: 2);
        using var images = TestImages.Prepare(TestSetup.Test.Take(50), Likelihood.Bernoulli, CPU);
        var sampler = new HierarchicalModelSampler(model);
        AssertNoTensorLeftToTheFinalizer(() => ElboEvaluation.Evaluate(model, images, batchSize: 20), times: 2);
        AssertNoTensorLeftToTheFinalizer(() =>
        {
            using var folded = new FoldedImportanceSampler(model);
            ImportanceWeightedLikelihood.Estimate(folded, images, new IwOptions { Samples = 30, RowsPerForward = 200 });
        }, times: 2);
        AssertNoTensorLeftToTheFinalizer(() => ExpectedPosteriorMeans.Collect(sampler, images, draws: 2, batchSize: 20).ToList().ForEach(t => t.Dispose()), times: 2);
    }

    [Fact]
    public void LayerEffectsAndTheClassifierLeaveNoTensorToTheFinalizer()
    {
        using var model = ModelFactory.Create(Tiny, seed: 3);
        var cache = new ClassifierCache(Path.Combine(_runFolder, ClassifierCache.FileName), TestSetup.Train.Take(200), _ => { },
            new ClassifierTraining { Epochs = 1, BatchSize = 50 });
        Directory.CreateDirectory(_runFolder);
        using var classifier = cache.LoadOrTrain(CPU);
        var effects = new LayerEffects(1500);
        AssertNoTensorLeftToTheFinalizer(() => effects.Measure(model, classifier), times: 2); // over two batches of draws
        AssertNoTensorLeftToTheFinalizer(() => classifier.Accuracy(TestSetup.Test.Take(1500)), times: 2);
        AssertNoTensorLeftToTheFinalizer(() => cache.LoadOrTrain(CPU).Dispose(), times: 2);
        AssertNoTensorLeftToTheFinalizer(() => new ClassifierTraining { Epochs = 1, BatchSize = 50 }.Train(TestSetup.Train.Take(100), CPU).Dispose(), times: 2);
    }

    /// <summary>Runs <paramref name="work"/> once to warm up, then checks that later runs dispose what they make outside scopes.</summary>
    private static void AssertNoTensorLeftToTheFinalizer(Action work, int times, [CallerArgumentExpression(nameof(work))] string what = "")
    {
        work();
        var statistics = DisposeScopeManager.Statistics;
        var (created, disposed) = (statistics.CreatedOutsideScopeCount, statistics.DisposedOutsideScopeCount);
        for (var i = 0; i < times; i++) work();
        var left = statistics.CreatedOutsideScopeCount - created - (statistics.DisposedOutsideScopeCount - disposed);
        // Fewer is fine: a path may dispose, outside a scope, what it made inside one earlier (the last epoch's data).
        Assert.True(left <= 0, $"{what}: {left} tensors made outside a dispose scope were left to the finalizer");
    }

    public void Dispose()
    {
        if (Directory.Exists(_runFolder)) Directory.Delete(_runFolder, recursive: true);
    }
}
