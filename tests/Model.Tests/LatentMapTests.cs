using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class LatentMapTests
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8] };

    [Fact]
    public void PointsAreTheProjectionsOfTheDigitsPosteriorMeans()
    {
        using var model = ModelFactory.Create(Small, seed: 2);
        using var builder = new LatentMapBuilder(TestSetup.Test.Take(300), Likelihood.Bernoulli, CPU);
        var map = builder.Build(model, step: 0, previous: null);
        Assert.Equal(300, map.Labels.Length);

        model.eval();
        using var _ = no_grad();
        using var images = Data.TestImages.Prepare(TestSetup.Test.Take(300), Likelihood.Bernoulli, CPU);
        var means = model.Encode(images)[1].Mean.data<float>().ToArray();
        var layer = map.Layers[1];
        for (var i = 0; i < 300; i += 37)
        {
            var (x, y) = layer.Project(means.AsSpan(i * 4, 4));
            Assert.Equal(layer.Points[2 * i], x, 3);
            Assert.Equal(layer.Points[2 * i + 1], y, 3);
        }
        // Principal directions: unit length, orthogonal, variances in decreasing order.
        var axes = layer.Axes;
        Assert.Equal(1, axes.Take(4).Sum(v => v * v), 3);
        Assert.Equal(0, axes.Take(4).Zip(axes.Skip(4), (a, b) => a * b).Sum(), 3);
        Assert.True(layer.ExplainedVariance[0] >= layer.ExplainedVariance[1]);
    }

    [Fact]
    public void AxesFollowThePreviousMapsSignsAndOrder()
    {
        using var model = ModelFactory.Create(Small, seed: 3);
        using var builder = new LatentMapBuilder(TestSetup.Test.Take(200), Likelihood.Bernoulli, CPU);
        var first = builder.Build(model, 0, null);
        var layer = first.Layers[0];
        // A previous map whose first axis points the other way and whose axes are swapped.
        var size = layer.Size;
        var swappedFlipped = layer.Axes.Skip(size).Concat(layer.Axes.Take(size).Select(v => -v)).ToArray();
        var previous = first with { Layers = [layer with { Axes = swappedFlipped }, first.Layers[1], first.Layers[2]] };

        var next = builder.Build(model, 1, previous).Layers[0];
        Assert.Equal(swappedFlipped, next.Axes, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void AMoveOfNoiseAlongAnAxisMovesTheLatentAlongThatMapAxisOnly()
    {
        using var model = ModelFactory.Create(Small, seed: 4);
        using var builder = new LatentMapBuilder(TestSetup.Test.Take(100), Likelihood.Bernoulli, CPU);
        var layer = builder.Build(model, 0, null).Layers[0];
        // z = mu_p + sigma_p eps, with a prior of uneven scales: the move of eps must undo them.
        var priorMean = Enumerable.Range(0, 8).Select(i => MathF.Sin(i)).ToArray();
        var priorScale = Enumerable.Range(0, 8).Select(i => 0.3f + 0.2f * i).ToArray();
        var noise = Enumerable.Range(0, 8).Select(i => MathF.Cos(3 * i)).ToArray();
        float[] Latent() => noise.Select((e, i) => priorMean[i] + priorScale[i] * e).ToArray();
        var (x0, y0) = layer.Project(Latent());
        NoiseSteering.MoveAlongMapAxis(layer, 1, 0.5f, priorScale, noise);
        var (x1, y1) = layer.Project(Latent());
        Assert.Equal(x0, x1, 4);
        Assert.Equal(y0 + 0.5f, y1, 4);
    }
}
