using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class ImportanceWeightedLikelihoodTests
{
    [Fact]
    public void ReachesTheClosedFormLogLikelihoodOfALinearGaussianModel()
    {
        var model = new LinearGaussianModel();
        using var generator = new Generator(3);
        using var points = model.Sample(40, generator);
        using var truth = model.LogMarginal(points);
        // Small batches and chunks, so that the running logsumexp crosses many chunk and batch boundaries.
        var options = new IwOptions { Samples = 4000, ImagesPerBatch = 7, RowsPerForward = 700 };
        var estimate = ImportanceWeightedLikelihood.Estimate(model, points, options);

        var exact = truth.data<double>().ToArray();
        var gaps = exact.Zip(estimate.LogLikelihood, (t, e) => Math.Abs(t - e)).ToArray();
        Assert.True(gaps.Max() < 0.05, $"largest gap to the closed form {gaps.Max():F4} nats");
        Assert.True(Math.Abs(exact.Average() - estimate.MeanLogLikelihood) < 0.01, $"mean {estimate.MeanLogLikelihood:F4}, exact {exact.Average():F4}");
        // The proposal is deliberately off, so a single sample is well below: the test would catch a k = 1 shortcut.
        Assert.True(exact.Average() - estimate.MeanLogWeight.Average() > 0.3);
    }

    [Fact]
    public void SamplesUpToIntMaxValueAreScoredInChunks()
    {
        var model = new LinearGaussianModel();
        using var generator = new Generator(3);
        using var points = model.Sample(3, generator);
        using var stop = new CancellationTokenSource();
        var fractions = new List<double>();
        // Stopped after the first chunk: what matters is that chunks run, and that progress counts them all.
        Assert.Throws<OperationCanceledException>(() => ImportanceWeightedLikelihood.Estimate(model, points, new IwOptions { Samples = int.MaxValue },
            fraction => { fractions.Add(fraction); stop.Cancel(); }, stop.Token));
        var chunks = Math.Ceiling(int.MaxValue / (double)new IwOptions { Samples = int.MaxValue }.SamplesPerForward);
        Assert.Equal(1 / chunks, Assert.Single(fractions), 1e-15);
    }

    [Fact]
    public void EstimateIsAtLeastTheMeanLogWeightOfTheSameSamplesOnEveryImage()
    {
        using var model = TrainedTinyModel.Value;
        using var images = TestImages.Prepare(TestSetup.Test.Take(60), Likelihood.Bernoulli, CPU);
        var estimate = Evaluate(model, images, new IwOptions { Samples = 50, ImagesPerBatch = 25, RowsPerForward = 400 });
        for (var i = 0; i < images.shape[0]; i++)
            Assert.True(estimate.LogLikelihood[i] >= estimate.MeanLogWeight[i], $"image {i}: {estimate.LogLikelihood[i]} < mean log-weight {estimate.MeanLogWeight[i]}");
    }

    [Fact]
    public void EstimateRisesWithTheNumberOfSamples()
    {
        using var model = TrainedTinyModel.Value;
        using var images = TestImages.Prepare(TestSetup.Test.Take(100), Likelihood.Bernoulli, CPU);
        var byK = new[] { 1, 10, 100 }.Select(k => Evaluate(model, images, new IwOptions { Samples = k }).MeanLogLikelihood).ToArray();
        Console.WriteLine($"IW log-likelihood at k = 1, 10, 100: {string.Join(", ", byK.Select(v => v.ToString("F2")))}");
        Assert.True(byK[1] - byK[0] > 1.0, $"k = 1 -> 10 rose {byK[1] - byK[0]:F2} nats");
        Assert.True(byK[2] - byK[1] > 0.5, $"k = 10 -> 100 rose {byK[2] - byK[1]:F2} nats");
    }

    private static IwEstimate Evaluate(HierarchicalModel model, Tensor images, IwOptions options)
    {
        using var sampler = new FoldedImportanceSampler(model);
        return ImportanceWeightedLikelihood.Estimate(sampler, images, options);
    }
}

/// <summary>A small LVAE trained for a few seconds with a fixed seed: enough for its posterior to mean something.</summary>
internal static class TrainedTinyModel
{
    public static readonly LvaeConfig Shape = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };

    public static HierarchicalModel Value
    {
        get
        {
            var model = ModelFactory.Create(Shape, seed: 2);
            using var trainer = new Trainer(model, new TrainOptions { Epochs = 1, BatchSize = 128, TrainLimit = 2048, WarmupEpochs = 0, Seed = 2 }, TestSetup.Train, CPU);
            while (!trainer.Finished) trainer.Step();
            return model;
        }
    }
}
