using LvaeLive.Model.Classifier;
using static TorchSharp.torch;

namespace LvaeLive.Model.Scene;

/// <summary>
/// What a classifier sees in each tile a scene drew: the measure behind every claim a mode or a talk step makes
/// ("rows keep the class", "this tile is a 3").
/// </summary>
public static class TileClasses
{
    /// <summary>The class of each 784-float image in <paramref name="digits"/>.</summary>
    public static int[] Of(IDigitClassifier classifier, ReadOnlyMemory<float> digits)
    {
        var count = digits.Length / LvaeConfig.ImagePixels;
        if (count == 0) return [];
        using var _ = NewDisposeScope();
        var images = tensor(digits.ToArray(), [count, LvaeConfig.ImagePixels]);
        return classifier.Classify(images).cpu().data<long>().Select(c => (int)c).ToArray();
    }
}
