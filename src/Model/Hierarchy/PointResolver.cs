using LvaeLive.Model.Animation;
using LvaeLive.Model.Inference;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// Turns <see cref="PointSource"/>s into noise with the current weights: a test digit is entered top-down, a class is
/// the mean noise of its test digits, a bookmark is what was saved, a seed is a fixed draw from the prior. Resolved
/// when asked (a talk step's start, a recall), so the same source follows the model as it trains.
/// </summary>
public sealed class PointResolver
{
    /// <summary>The test digits of a class that its mean is taken over: enough for a stable mean, few enough to be quick.</summary>
    private const int DigitsPerClassMean = 200;

    private readonly InferenceCopy _model;
    private readonly float[] _testDigits;
    private readonly byte[] _labels;
    private readonly NoiseGrid _one;

    public PointResolver(InferenceCopy model, float[] testDigits, byte[] labels)
    {
        if (testDigits.Length != labels.Length * LvaeConfig.ImagePixels)
            throw new ArgumentException($"{labels.Length} labels for {testDigits.Length / LvaeConfig.ImagePixels} test digits");
        _model = model;
        _testDigits = testDigits;
        _labels = labels;
        _one = new NoiseGrid(model.Config.LatentSizes, 1);
    }

    public int TestDigits => _labels.Length;

    /// <summary>Writes layer <paramref name="layer"/>'s noise from <paramref name="source"/> into <paramref name="noise"/>.</summary>
    /// <exception cref="ArgumentException">The source names a digit, class or bookmark that does not exist.</exception>
    public void Resolve(PointSource source, int layer, Span<float> noise, BookmarkShelf bookmarks)
    {
        switch (source)
        {
            case PointSource.TestDigit(var index):
                if (index < 0 || index >= TestDigits) throw new ArgumentException($"test digit {index} does not exist: the view holds digits 0 to {TestDigits - 1}");
                _model.EncodeToNoise(_testDigits.AsMemory(index * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels), 1, _one);
                _one.Of(layer, 0).CopyTo(noise);
                break;
            case PointSource.DigitClass(var digitClass):
                ClassMean(digitClass, layer, noise);
                break;
            case PointSource.Bookmarked(var name):
                var bookmark = bookmarks.Find(name) ?? throw new ArgumentException($"there is no bookmark '{name}'");
                bookmark.Layers[layer].CopyTo(noise);
                break;
            case PointSource.Seeded(var seed):
                for (var unit = 0; unit < noise.Length; unit++) noise[unit] = StableNoise.Gaussian(seed, layer, tile: 0, keyPoint: 0, unit);
                break;
        }
    }

    private void ClassMean(int digitClass, int layer, Span<float> noise)
    {
        var members = Enumerable.Range(0, _labels.Length).Where(i => _labels[i] == digitClass).Take(DigitsPerClassMean).ToArray();
        if (members.Length == 0) throw new ArgumentException($"no test digit of class {digitClass}: classes are 0 to 9");
        var images = new float[members.Length * LvaeConfig.ImagePixels];
        for (var i = 0; i < members.Length; i++)
            _testDigits.AsSpan(members[i] * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels).CopyTo(images.AsSpan(i * LvaeConfig.ImagePixels));
        var points = new NoiseGrid(_model.Config.LatentSizes, members.Length);
        _model.EncodeToNoise(images, members.Length, points);
        noise.Clear();
        for (var i = 0; i < members.Length; i++)
        {
            var point = points.Of(layer, i);
            for (var unit = 0; unit < noise.Length; unit++) noise[unit] += point[unit] / members.Length;
        }
    }
}
