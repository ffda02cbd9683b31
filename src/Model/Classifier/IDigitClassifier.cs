using static TorchSharp.torch;

namespace LvaeLive.Model.Classifier;

/// <summary>Says which digit each image shows: what the class-change measure asks (and what tests stand in for).</summary>
public interface IDigitClassifier
{
    /// <summary>One class, 0 to 9, per row of <paramref name="images"/> (B, 784) of grey levels in [0, 1]: (B) int64.</summary>
    Tensor Classify(Tensor images);
}
