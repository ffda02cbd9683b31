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
        manual_seed(3);
        using var model = new LadderVae(Small with { SeparateTopDown = separateTopDown });
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
        manual_seed(6);
        using var model = new LadderVae(Small);
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
        manual_seed(9);
        using var model = new LadderVae(Small);
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
        manual_seed(12);
        using var model = new LadderVae(Small);
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

    [Fact]
    public void ConfigurationsThatCannotWorkAreRejectedWithAReason()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => new LadderVae(new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [8] }));
        Assert.Contains("--hidden", mismatch.Message);
        Assert.Throws<ArgumentException>(() => new LadderVae(new LvaeConfig { LatentSizes = [4, 0], HiddenSizes = [8, 8] }));
        Assert.Throws<ArgumentException>(() => new HierarchicalVae(new LvaeConfig { Kind = ModelKind.Vae, SeparateTopDown = true }));
    }
}
