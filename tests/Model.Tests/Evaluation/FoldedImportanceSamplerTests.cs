using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class FoldedImportanceSamplerTests
{
    public static TheoryData<ModelKind, bool, Likelihood> Shapes => new()
    {
        { ModelKind.Lvae, false, Likelihood.Bernoulli },
        { ModelKind.Lvae, true, Likelihood.Bernoulli },
        { ModelKind.Vae, false, Likelihood.Bernoulli },
        { ModelKind.Lvae, false, Likelihood.Gaussian },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GivesThePlainPathsLogLikelihoodFromTheSameDraws(ModelKind kind, bool separateTopDown, Likelihood likelihood)
    {
        // A few training steps move batch norm's running statistics away from (0, 1), so that folding them matters.
        using var model = ModelFactory.Create(new LvaeConfig { Kind = kind, SeparateTopDown = separateTopDown, Likelihood = likelihood, LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] }, seed: 5);
        using (var trainer = new Trainer(model, new TrainOptions { Epochs = 1, BatchSize = 64, TrainLimit = 512, WarmupEpochs = 0, Seed = 5 }, TestSetup.Train, CPU))
            while (!trainer.Finished) trainer.Step();
        model.eval();
        using var images = TestImages.Prepare(TestSetup.Test.Take(9), likelihood, CPU);
        // Several batches of images and several chunks of draws each, so that every boundary is crossed.
        var options = new IwOptions { Samples = 60, ImagesPerBatch = 4, RowsPerForward = 100 };

        using var folded = new FoldedImportanceSampler(model);
        var fast = ImportanceWeightedLikelihood.Estimate(folded, images, options);
        IwEstimate plain;
        using (no_grad()) plain = ImportanceWeightedLikelihood.Estimate(new PlainSampler(model), images, options);

        for (var i = 0; i < plain.LogLikelihood.Length; i++)
        {
            Assert.True(Math.Abs(fast.LogLikelihood[i] - plain.LogLikelihood[i]) < 1e-4, $"image {i}: fast {fast.LogLikelihood[i]:F6}, plain {plain.LogLikelihood[i]:F6}");
            Assert.True(Math.Abs(fast.MeanLogWeight[i] - plain.MeanLogWeight[i]) < 1e-4, $"image {i}: mean log-weight fast {fast.MeanLogWeight[i]:F6}, plain {plain.MeanLogWeight[i]:F6}");
        }
    }

    [Fact]
    public void RefusesGreyImagesUnderABernoulliLikelihood()
    {
        using var model = ModelFactory.Create(TrainedTinyModel.Shape, seed: 6);
        using var folded = new FoldedImportanceSampler(model);
        using var grey = full(2, LvaeConfig.ImagePixels, 0.5f);
        var error = Assert.Throws<ArgumentException>(() => folded.Prepare(grey));
        Assert.Contains("binary", error.Message);
    }

    /// <summary>
    /// The plain path: the model itself (batch norm in eval mode) on the images repeated once per draw, every layer
    /// computed per draw. The folded sampler must draw the same noise in the same order.
    /// </summary>
    private sealed class PlainSampler(HierarchicalModel model) : IImportanceSampler
    {
        public DrawLogWeights Prepare(Tensor x) => (samples, noise) =>
            model.Infer(x.repeat(samples, 1), noise).LogImportanceWeight().view(samples, x.shape[0]);
    }
}
