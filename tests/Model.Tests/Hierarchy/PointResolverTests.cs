using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Hierarchy;

public sealed class PointResolverTests
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8] };

    [Fact]
    public void SourcesResolveToWhatTheyName()
    {
        using var model = ModelFactory.Create(Small, seed: 31);
        using var copy = InferenceCopy.Of(model);
        var test = TestSetup.Test.Take(300);
        var resolver = new PointResolver(copy, test.GreyLevels, test.Labels);
        var shelf = new BookmarkShelf(null, Small.LatentSizes, _ => { });
        shelf.Save([[.. Enumerable.Repeat(0.5f, 8)], [1, 2, 3, 4], [5, 6]]);
        var noise = new float[4];

        // A test digit is its own encoding into noise.
        var encoded = new NoiseGrid(Small.LatentSizes, 1);
        copy.EncodeToNoise(test.GreyLevels.AsMemory(17 * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels), 1, encoded);
        resolver.Resolve(new PointSource.TestDigit(17), 1, noise, shelf);
        Assert.Equal(encoded.Of(1, 0).ToArray(), noise);

        // A class is its most typical digit: the one whose noise lies nearest the class's mean noise, every layer's
        // mean squared distance per unit added up; worked out here one digit at a time.
        var sevens = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == 7).Take(200).ToArray();
        var points = sevens.Select(index =>
        {
            var point = new NoiseGrid(Small.LatentSizes, 1);
            copy.EncodeToNoise(test.GreyLevels.AsMemory(index * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels), 1, point);
            return point;
        }).ToArray();
        double Distance(NoiseGrid point) => Enumerable.Range(0, Small.LatentSizes.Length).Sum(layer =>
        {
            var size = Small.LatentSizes[layer];
            var mean = Enumerable.Range(0, size).Select(unit => points.Average(p => (double)p.Of(layer, 0)[unit])).ToArray();
            return Enumerable.Range(0, size).Sum(unit => Math.Pow(point.Of(layer, 0)[unit] - mean[unit], 2)) / size;
        });
        var typical = points.MinBy(Distance)!;
        resolver.Resolve(new PointSource.DigitClass(7), 1, noise, shelf);
        // Encoded in a batch there and one by one here: equal to float rounding, and to no other seven.
        bool Same(NoiseGrid point) => point.Of(1, 0).ToArray().Zip(noise, (a, b) => Math.Abs(a - b) < 1e-5).All(same => same);
        Assert.True(Same(typical), $"{string.Join(", ", noise)} is not the typical seven's {string.Join(", ", typical.Of(1, 0).ToArray())}");
        Assert.Single(points, Same);

        resolver.Resolve(new PointSource.Bookmarked("b1"), 1, noise, shelf);
        Assert.Equal([1f, 2f, 3f, 4f], noise);

        resolver.Resolve(new PointSource.Seeded(5), 1, noise, shelf);
        var again = new float[4];
        resolver.Resolve(new PointSource.Seeded(5), 1, again, shelf);
        Assert.Equal(noise, again);
        resolver.Resolve(new PointSource.Seeded(6), 1, again, shelf);
        Assert.NotEqual(noise, again);

        Assert.Throws<ArgumentException>(() => resolver.Resolve(new PointSource.TestDigit(300), 1, noise, shelf));
        Assert.Throws<ArgumentException>(() => resolver.Resolve(new PointSource.Bookmarked("b9"), 1, noise, shelf));
    }
}
