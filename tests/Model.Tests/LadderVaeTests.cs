using LvaeLive.Model.Inference;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class LadderVaeTests
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8] };

    private static Tensor RandomImages(int count, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return rand([count, LvaeConfig.ImagePixels], generator: generator).bernoulli(generator);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnalyticKlTermsAreNonNegativeOnRandomInputs(bool separateTopDown)
    {
        using var model = ModelFactory.Create(Small with { SeparateTopDown = separateTopDown }, seed: 3);
        using var scope = NewDisposeScope();
        using var noise = new Generator(4);
        var pass = model.Infer(RandomImages(64, 5), noise);
        foreach (var kl in pass.Kl)
            Assert.True(kl.min().item<float>() >= -1e-5f, $"a KL term was {kl.min().item<float>()}");
    }

    [Fact]
    public void AnalyticKlAgreesWithItsMonteCarloEstimate()
    {
        // Each layer's analytic KL (given the sampled layer above) averages to the same value as log q - log p at the
        // sampled z: two independent routes to one expectation.
        using var model = ModelFactory.Create(Small, seed: 6);
        model.eval();
        using var scope = NewDisposeScope();
        using var noise = new Generator(7);
        var pass = model.Infer(RandomImages(1, 8).expand(20000, -1), noise);
        for (var i = 0; i < Small.Depth; i++)
        {
            var analytic = pass.Kl[i].mean().item<float>();
            var sampled = (pass.LogPosterior[i] - pass.LogPrior[i]).mean().item<float>();
            Assert.True(Math.Abs(analytic - sampled) < 0.05 * Math.Max(1, Math.Abs(analytic)), $"layer {i + 1}: analytic {analytic}, Monte Carlo {sampled}");
        }
    }

    [Fact]
    public void ElboIsReconstructionMinusKlAndImportanceWeightAddsUp()
    {
        using var model = ModelFactory.Create(Small, seed: 9);
        using var scope = NewDisposeScope();
        using var noise = new Generator(10);
        var pass = model.Infer(RandomImages(4, 11), noise);
        var expected = pass.LogLikelihood - pass.Kl.Aggregate((a, b) => a + b);
        Assert.True(pass.Elbo().allclose(expected, rtol: 1e-6, atol: 1e-4));
        var weight = pass.LogLikelihood + pass.LogPrior.Zip(pass.LogPosterior, (p, q) => p - q).Aggregate((a, b) => a + b);
        Assert.True(pass.LogImportanceWeight().allclose(weight, rtol: 1e-6, atol: 1e-4));
    }

    [Fact]
    public void DecodingNoiseScalesThePriorAndValuesPassThrough()
    {
        using var model = ModelFactory.Create(Small, seed: 12);
        using var copy = InferenceCopy.Of(model);
        const int batch = 3;
        var top = new float[batch * 2];
        for (var i = 0; i < top.Length; i++) top[i] = 0.3f * i - 0.5f;
        var middleNoise = Enumerable.Repeat(0f, batch * 4).ToArray();
        var image = new float[batch * LvaeConfig.ImagePixels];
        var latents = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();

        copy.Decode([LayerInput.PriorMean, LayerInput.Noise(middleNoise), LayerInput.Value(top)], batch, image, latents);
        Assert.Equal(top, latents[2]);
        var meanOnly = new float[batch * LvaeConfig.ImagePixels];
        var meanLatents = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
        copy.Decode([LayerInput.PriorMean, LayerInput.PriorMean, LayerInput.Value(top)], batch, meanOnly, meanLatents);
        // Zero noise is the prior mean, so both decodes agree everywhere.
        Assert.Equal(meanLatents[1], latents[1]);
        Assert.Equal(meanOnly, image);
        Assert.All(image, p => Assert.InRange(p, 0f, 1f));
    }

    [Theory]
    [InlineData(ModelKind.Lvae)]
    [InlineData(ModelKind.Vae)]
    public void TheViewsCopyWithFoldedBatchNormComputesWhatEvalModeComputes(ModelKind kind)
    {
        using var model = ModelFactory.Create(Small with { Kind = kind }, seed: 13);
        // Forward passes in training mode move batch norm's running statistics away from their trivial start.
        using (no_grad())
            for (var i = 0; i < 5; i++)
            {
                using var scope = NewDisposeScope();
                model.Infer(RandomImages(64, 20 + i) * 0.5, new Generator((ulong)i));
            }
        using var copy = InferenceCopy.Of(model);
        model.eval();

        const int batch = 4;
        var noise = Small.LatentSizes.Select(size => Enumerable.Range(0, batch * size).Select(i => MathF.Sin(i * 0.7f)).ToArray()).ToArray();
        var image = new float[batch * LvaeConfig.ImagePixels];
        copy.Decode(noise.Select(n => LayerInput.Noise(n)).ToArray(), batch, image);
        using (no_grad())
        {
            using var scope = NewDisposeScope();
            var latents = noise.Select((n, i) => LayerLatent.Noise(tensor(n, [batch, Small.LatentSizes[i]]))).ToArray();
            var expected = model.Decode(latents, batch, null).Image.data<float>().ToArray();
            Assert.Equal(expected, image, (a, b) => Math.Abs(a - b) < 1e-4);

            using var images = RandomImages(batch, 30);
            var means = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
            var variances = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
            copy.Encode(images.data<float>().ToArray(), batch, means, variances);
            var posterior = model.Encode(images);
            for (var i = 0; i < Small.Depth; i++)
            {
                Assert.Equal(posterior[i].Mean.data<float>().ToArray(), means[i], (a, b) => Math.Abs(a - b) < 1e-4);
                Assert.Equal(posterior[i].Variance.data<float>().ToArray(), variances[i], (a, b) => Math.Abs(a - b) < 1e-4 * Math.Max(1, Math.Abs(a)));
            }
        }
    }

    [Fact]
    public void ConfigurationsThatCannotWorkAreRejectedWithAReason()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => new LadderVae(new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [8] }, weights: null));
        Assert.Contains("--hidden", mismatch.Message);
        Assert.Throws<ArgumentException>(() => new LadderVae(new LvaeConfig { LatentSizes = [4, 0], HiddenSizes = [8, 8] }, weights: null));
        Assert.Throws<ArgumentException>(() => new HierarchicalVae(new LvaeConfig { Kind = ModelKind.Vae, SeparateTopDown = true }, weights: null));
    }
}
