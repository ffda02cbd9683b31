using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class ActiveUnitsTests
{
    /// <summary>
    /// Layer 1 has units 1 and 3 constant over x, layer 2 unit 0. Unit 1 of layer 1 also jitters with each posterior
    /// draw (variance 0.04 per draw, above the threshold): only averaging over draws, as E_q[u | x] asks, makes it
    /// constant, so a measure that used one draw would call it active.
    /// </summary>
    private sealed class ChosenUnitsModel : IPosteriorMeanSource
    {
        public int[] LatentSizes => [4, 2];

        public Tensor[] PosteriorMeans(Tensor x, Generator noise)
        {
            var a = x[.., 0];
            var b = x[.., 1];
            var jitter = 0.2 * randn([x.shape[0]], ScalarType.Float32, generator: noise);
            var one = full_like(a, 0.7);
            return [stack([2 * a, one + jitter, b, -one], 1), stack([one, a + b], 1)];
        }
    }

    [Fact]
    public void ExactlyTheConstantUnitsAreInactive()
    {
        using var generator = new Generator(4);
        using var x = randn([2000, 2], generator: generator);
        var layers = ExpectedPosteriorMeans.Collect(new ChosenUnitsModel(), x, draws: 20, batchSize: 300);
        try
        {
            var first = ActiveUnits.Measure(layers[0]);
            var second = ActiveUnits.Measure(layers[1]);
            Assert.Equal([true, false, true, false], first.UnitVariances.Select(v => v > ActiveUnits.Threshold));
            Assert.Equal(2, first.Active);
            Assert.Equal([false, true], second.UnitVariances.Select(v => v > ActiveUnits.Threshold));
            Assert.Equal(1, second.Active);
            Assert.Equal(4.0, first.UnitVariances[0], 0.4);
        }
        finally
        {
            foreach (var layer in layers) layer.Dispose();
        }
    }
}
