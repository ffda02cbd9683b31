using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Hierarchy;

/// <summary>Points held as each layer's standardized noise, against what the model's definition says they must decode to.</summary>
public sealed class NoiseSpaceTests
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8] };

    [Theory]
    [InlineData(ModelKind.Lvae)]
    [InlineData(ModelKind.Vae)]
    public void DigitsEncodedIntoNoiseDecodeToTheirPosteriorMeans(ModelKind kind)
    {
        using var model = ModelFactory.Create(Small with { Kind = kind }, seed: 21);
        using var copy = InferenceCopy.Of(model);
        const int batch = 6;
        var images = TestSetup.Test.Take(batch).GreyLevels;

        var points = new NoiseGrid(Small.LatentSizes, batch);
        copy.EncodeToNoise(images, batch, points);
        var fromNoise = new float[batch * LvaeConfig.ImagePixels];
        var latents = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
        copy.Decode(points.Inputs, batch, fromNoise, latents);

        var means = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
        var variances = Small.LatentSizes.Select(size => new float[batch * size]).ToArray();
        copy.Encode(images, batch, means, variances);
        var fromMeans = new float[batch * LvaeConfig.ImagePixels];
        copy.Decode(means.Select(m => LayerInput.Value(m)).ToArray(), batch, fromMeans);

        Assert.Equal(fromMeans, fromNoise, (a, b) => Math.Abs(a - b) < 1e-5);
        for (var layer = 0; layer < Small.Depth; layer++)
            Assert.Equal(means[layer], latents[layer], (a, b) => Math.Abs(a - b) < 1e-5 * Math.Max(1, Math.Abs(a)));
        // The top layer's noise is its value; the others are standardized, not the means themselves.
        Assert.Equal(means[2], points.Layer(2));
        Assert.NotEqual(means[0], points.Layer(0));
    }

    [Fact]
    public void ChangingTheTopNoiseMovesTheLayerBelowByThePriorsMeanMap()
    {
        // A hand-made two-layer model whose prior p(z_1 | z_2) = N(M z_2 + b, c) is linear: its MLP carries z and -z
        // through two leaky ReLUs (g(a) - g(-a) = (1 + slope^2) a), its mean head undoes that factor, and its
        // variance head ignores z_2. Then a change d of eps_2 must move z_1 by exactly M d, whatever eps_1 is.
        var config = new LvaeConfig { LatentSizes = [3, 2], HiddenSizes = [4, 4], BatchNorm = false };
        const float slope = 0.01f;
        float[,] m = { { 1.5f, -0.5f }, { 0.25f, 2f }, { -1f, 0.75f } };
        using var model = ModelFactory.Create(config, seed: 1);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
        {
            foreach (var (name, parameter) in parameters.Where(p => p.Key.StartsWith("generative.", StringComparison.Ordinal)))
                parameter.zero_();
            parameters["generative.priorStacks.0.first.dense.weight"].copy_(tensor(new float[] { 1, 0, 0, 1, -1, 0, 0, -1 }, [4, 2]));
            parameters["generative.priorStacks.0.second.dense.weight"].copy_(eye(4));
            var head = new float[3 * 4];
            for (var row = 0; row < 3; row++)
                for (var column = 0; column < 2; column++)
                {
                    head[row * 4 + column] = m[row, column] / (1 + slope * slope);
                    head[row * 4 + 2 + column] = -m[row, column] / (1 + slope * slope);
                }
            parameters["generative.priorHeads.0.mean.weight"].copy_(tensor(head, [3, 4]));
            parameters["generative.priorHeads.0.mean.bias"].copy_(tensor(new float[] { 0.3f, -0.2f, 0.1f }));
            parameters["generative.priorHeads.0.variance.bias"].copy_(tensor(new float[] { 0.5f, -1f, 2f }));
        }
        using var copy = InferenceCopy.Of(model);

        float[] eps1 = [0.7f, -1.2f, 0.4f];
        float[] top = [0.9f, -0.6f];
        float[] change = [-1.7f, 1.1f]; // crosses zero in both units: both sides of each leaky ReLU are used
        var before = new NoiseGrid(config.LatentSizes, 1);
        eps1.CopyTo(before.Of(0, 0));
        top.CopyTo(before.Of(1, 0));
        var after = new NoiseGrid(config.LatentSizes, 1);
        after.CopyPoint(before, 0, 0);
        for (var i = 0; i < 2; i++) after.Of(1, 0)[i] += change[i];

        var (z1Before, z2Before) = Latents(copy, before);
        var (z1After, z2After) = Latents(copy, after);
        for (var i = 0; i < 2; i++) Assert.Equal(change[i], z2After[i] - z2Before[i], 5);
        for (var row = 0; row < 3; row++)
            Assert.Equal(m[row, 0] * change[0] + m[row, 1] * change[1], z1After[row] - z1Before[row], 4);
    }

    private static (float[] Z1, float[] Z2) Latents(InferenceCopy copy, NoiseGrid point)
    {
        var latents = point.Sizes.Select(size => new float[size]).ToArray();
        copy.Decode(point.Inputs, 1, new float[LvaeConfig.ImagePixels], latents);
        return (latents[0], latents[1]);
    }
}
