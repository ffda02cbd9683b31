using System.Runtime.InteropServices;
using System.Security.Cryptography;
using LvaeLive.Model.Data;
using static TorchSharp.torch;

namespace LvaeLive.Model.Classifier;

/// <summary>
/// Keeps one trained <see cref="DigitClassifier"/> in a file beside the data (<see cref="FileName"/>), so it is trained
/// once per data set rather than once per evaluation. A file that is missing, corrupt, of another classifier version,
/// or made for other training data (its fingerprint, the SHA-256 of the training images and labels, differs) is
/// trained again, and each such case is told in one line to <c>notice</c>.
/// </summary>
public sealed class ClassifierCache
{
    public const string FileName = "classifier.bin";

    private readonly MnistSplit _train;
    private readonly Action<string> _notice;
    private readonly ClassifierTraining _training;
    private readonly Lazy<string> _fingerprint;

    /// <param name="path">The file; <see cref="PathIn"/> gives the usual one.</param>
    /// <param name="train">What a classifier is trained on, and what a cached one must have been trained on.</param>
    /// <param name="notice">Gets one line whenever a classifier is trained, and why.</param>
    public ClassifierCache(string path, MnistSplit train, Action<string> notice, ClassifierTraining? training = null)
    {
        Path = path;
        _train = train;
        _notice = notice;
        _training = training ?? new ClassifierTraining();
        _fingerprint = new Lazy<string>(() => Fingerprint(train));
    }

    /// <summary>The cache's file in an MNIST folder: beside the data it was trained on.</summary>
    public static string PathIn(string dataFolder) => System.IO.Path.Combine(dataFolder, FileName);

    public string Path { get; }

    /// <summary>
    /// The cached classifier, when the file holds one made for this data and this build; null otherwise, with nothing
    /// trained and nothing said: for callers (the live view) that show class changes only when a classifier is at hand.
    /// The caller disposes it.
    /// </summary>
    public DigitClassifier? TryLoad(Device device) =>
        File.Exists(Path) ? ClassifierFile.Read(Path, _fingerprint.Value, device).Classifier : null;

    /// <summary>
    /// The cached classifier, or one trained now (with a notice, and <paramref name="progress"/> told the fraction done)
    /// and saved for next time. The caller disposes it.
    /// </summary>
    public DigitClassifier LoadOrTrain(Device device, Action<double>? progress = null, CancellationToken stop = default)
    {
        if (!File.Exists(Path))
        {
            _notice($"classifier: none in {Path}; training one on {_train.Count} images for the class-change measure (once, then cached)");
            return TrainAndSave(device, progress, stop);
        }
        var (classifier, unusable) = ClassifierFile.Read(Path, _fingerprint.Value, device);
        if (classifier is not null) return classifier;
        _notice($"classifier: {Path} {unusable}; retraining");
        return TrainAndSave(device, progress, stop);
    }

    private DigitClassifier TrainAndSave(Device device, Action<double>? progress, CancellationToken stop)
    {
        var classifier = _training.Train(_train, device, progress, stop);
        try
        {
            ClassifierFile.Write(Path, classifier, _fingerprint.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The classifier is trained and usable: a data folder that cannot be written costs the next run a
            // retraining, not this one its result.
            _notice($"classifier: cannot save it to {Path} ({e.Message}); it will be trained again next time");
        }
        return classifier;
    }

    /// <summary>SHA-256 of the training labels and grey levels: names the data itself, whether read plain or gzipped.</summary>
    private static string Fingerprint(MnistSplit train)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(train.Labels);
        hash.AppendData(MemoryMarshal.AsBytes(train.GreyLevels.AsSpan()));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
