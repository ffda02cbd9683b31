using LvaeLive.Model.Animation;
using LvaeLive.Model.Inference;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// Turns <see cref="PointSource"/>s into noise with the current weights: a test digit is entered top-down, a class is
/// its most typical test digit, a bookmark is what was saved, a seed is a fixed draw from the prior. Resolved
/// when asked (a talk step's start, a recall), so the same source follows the model as it trains.
/// </summary>
public sealed class PointResolver
{
    /// <summary>The test digits of a class that its typical one is chosen among: enough for a stable mean, few enough to be quick.</summary>
    private const int DigitsPerClass = 200;

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
                TypicalDigit(digitClass, layer, noise);
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

    /// <summary>
    /// Layer <paramref name="layer"/>'s noise of the class's most typical test digit: the one whose noise lies nearest
    /// the class's mean noise, every layer weighing alike (its mean squared distance per unit). The mean itself is no
    /// digit: averaging each layer's noise across a class blurs it, and on the 300-epoch model the mean of the 7s
    /// decoded as another class in every frame of a hold. A real digit keeps its class, and being the nearest to the
    /// mean it is a plain one. The same digit is chosen for every layer, so a point set in all layers is that digit.
    /// </summary>
    private void TypicalDigit(int digitClass, int layer, Span<float> noise)
    {
        var members = Enumerable.Range(0, _labels.Length).Where(i => _labels[i] == digitClass).Take(DigitsPerClass).ToArray();
        if (members.Length == 0) throw new ArgumentException($"no test digit of class {digitClass}: classes are 0 to 9");
        var images = new float[members.Length * LvaeConfig.ImagePixels];
        for (var i = 0; i < members.Length; i++)
            _testDigits.AsSpan(members[i] * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels).CopyTo(images.AsSpan(i * LvaeConfig.ImagePixels));
        var points = new NoiseGrid(_model.Config.LatentSizes, members.Length);
        _model.EncodeToNoise(images, members.Length, points);
        var distances = new double[members.Length];
        for (var l = 0; l < _model.Config.Depth; l++)
        {
            var mean = new double[_model.Config.LatentSizes[l]];
            for (var i = 0; i < members.Length; i++)
            {
                var point = points.Of(l, i);
                for (var unit = 0; unit < mean.Length; unit++) mean[unit] += point[unit] / (double)members.Length;
            }
            for (var i = 0; i < members.Length; i++)
            {
                var point = points.Of(l, i);
                var squared = 0.0;
                for (var unit = 0; unit < mean.Length; unit++) squared += (point[unit] - mean[unit]) * (point[unit] - mean[unit]);
                distances[i] += squared / mean.Length;
            }
        }
        var typical = Enumerable.Range(0, members.Length).MinBy(i => distances[i]);
        points.Of(layer, typical).CopyTo(noise);
    }
}
