using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using TorchSharp;

namespace LvaeLive.Host.Session;

/// <summary>
/// The digits a show draws on: the test set (shown, reconstructed and mapped), the training set, read only when a
/// model trains or a cached classifier has to be matched to it, and that classifier.
/// </summary>
internal sealed class ShowData
{
    private readonly Lazy<MnistSplit> _train;
    private readonly string? _classifierFolder;

    private ShowData(Func<MnistSplit> train, MnistSplit test, MnistSplit evaluation, string? classifierFolder)
    {
        _train = new Lazy<MnistSplit>(train);
        Test = test;
        Evaluation = evaluation;
        _classifierFolder = classifierFolder;
    }

    /// <summary>MNIST in <paramref name="folder"/>, with the classifier that `lvae eval` cached beside it, if any.</summary>
    public static ShowData Read(string folder)
    {
        var test = MnistDataset.LoadTest(folder);
        return new ShowData(() => MnistDataset.LoadTrain(folder), test, test, folder);
    }

    /// <summary>
    /// A benchmark's: splits already read, with training runs evaluated on the first <paramref name="evaluationDigits"/>
    /// test digits, so that an epoch's end weighs little on the speed measured, and no classifier, so that the numbers do
    /// not depend on whether one is cached.
    /// </summary>
    public static ShowData ForBenchmark(MnistSplit train, MnistSplit test, int evaluationDigits) =>
        new(() => train, test, test.Take(evaluationDigits), classifierFolder: null);

    public MnistSplit Train => _train.Value;
    public MnistSplit Test { get; }
    /// <summary>The digits a training run evaluates at each epoch's end.</summary>
    public MnistSplit Evaluation { get; }

    /// <summary>A copy of the cached classifier for one model side, which owns it; null when none is cached.</summary>
    public DigitClassifier? Classifier(torch.Device device) =>
        _classifierFolder is null ? null : ModelSide.CachedClassifier(_classifierFolder, () => Train, device);
}
