using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class PrincipalComponentsTests
{
    [Fact]
    public void FindsTheKnownDirectionsAndVariancesOfAHandMadeDataSet()
    {
        // Variances 9, 4, 0.25 along the columns of a rotation, around an offset mean.
        double[] variances = [9, 4, 0.25];
        var third = 1 / Math.Sqrt(3);
        double[][] directions = [[third, third, third], [1 / Math.Sqrt(2), -1 / Math.Sqrt(2), 0], [1 / Math.Sqrt(6), 1 / Math.Sqrt(6), -2 / Math.Sqrt(6)]];
        using var generator = new Generator(5);
        using var scope = NewDisposeScope();
        var scores = randn([50_000, 3], ScalarType.Float64, generator: generator) * tensor(variances).sqrt();
        var data = scores.mm(tensor(directions.SelectMany(d => d).ToArray()).view(3, 3)) + tensor(new double[] { 3, -2, 1 });

        var pca = PrincipalComponents.Of(data);

        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(variances[j], pca.Variances[j], variances[j] * 0.03);
            Assert.Equal(variances[j] / variances.Sum(), pca.VarianceExplained[j], 0.01);
            var alignment = Math.Abs(pca.Directions[j].Zip(directions[j], (a, b) => a * b).Sum());
            Assert.True(alignment > 0.999, $"component {j} is {alignment:F4} aligned with its true direction");
        }
        Assert.Equal(1.0, pca.VarianceExplained.Sum(), 1e-9);
    }
}
