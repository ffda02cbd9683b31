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

        // A class is the mean of its digits' encodings, computed here one digit at a time.
        var sevens = Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == 7).ToArray();
        var mean = new double[4];
        foreach (var index in sevens)
        {
            copy.EncodeToNoise(test.GreyLevels.AsMemory(index * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels), 1, encoded);
            for (var d = 0; d < 4; d++) mean[d] += encoded.Of(1, 0)[d] / (double)sevens.Length;
        }
        resolver.Resolve(new PointSource.DigitClass(7), 1, noise, shelf);
        Assert.Equal(mean.Select(m => (float)m), noise, (a, b) => Math.Abs(a - b) < 1e-4);

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
