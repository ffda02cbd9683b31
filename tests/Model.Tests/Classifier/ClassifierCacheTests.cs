using System.Security.Cryptography;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Classifier;

/// <summary>
/// The cached digit classifier, on a thousand images and one short epoch (the real one's accuracy is checked by hand
/// with `lvae eval`, not in a timed test): a good file is loaded, anything else is trained again with one notice.
/// </summary>
public sealed class ClassifierCacheTests : IDisposable
{
    private static readonly ClassifierTraining Quick = new() { Epochs = 1, BatchSize = 100 };
    private static readonly MnistSplit Train = TestSetup.Train.Take(1000);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-classifier-test-{Guid.NewGuid():N}");
    private readonly List<string> _notices = [];

    public ClassifierCacheTests() => Directory.CreateDirectory(_folder);

    private string FilePath => ClassifierCache.PathIn(_folder);

    private ClassifierCache Cache(MnistSplit? train = null) => new(FilePath, train ?? Train, _notices.Add, Quick);

    [Fact]
    public void AMissingClassifierIsTrainedWithANoticeAndSaved()
    {
        using var classifier = Cache().LoadOrTrain(CPU);
        Assert.Equal($"classifier: none in {FilePath}; training one on 1000 images for the class-change measure (once, then cached)", Assert.Single(_notices));
        Assert.True(File.Exists(FilePath));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial", SearchOption.AllDirectories));
        // Learned something: well above the one in ten of a guess, even from a thousand images.
        Assert.True(classifier.Accuracy(TestSetup.Test.Take(1000)) > 0.5);
    }

    [Fact]
    public void AGoodFileIsLoadedNotRetrained()
    {
        using var trained = Cache().LoadOrTrain(CPU);
        _notices.Clear();
        var written = File.GetLastWriteTimeUtc(FilePath);

        using var loaded = Cache().LoadOrTrain(CPU);
        using var found = Cache().TryLoad(CPU);

        Assert.Empty(_notices);
        Assert.Equal(written, File.GetLastWriteTimeUtc(FilePath));
        using var images = tensor(TestSetup.Test.Take(200).GreyLevels, [200, LvaeConfig.ImagePixels]);
        using var expected = trained.call(images);
        using var fromFile = loaded.call(images);
        using var fromTry = found!.call(images);
        Assert.True(expected.allclose(fromFile, rtol: 0, atol: 0) && expected.allclose(fromTry, rtol: 0, atol: 0), "the loaded classifier is not the one saved");
    }

    public static TheoryData<string> Corruptions => ["flipped byte", "truncated", "empty", "not a classifier"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void ACorruptFileIsRetrainedWithOneNotice(string corruption)
    {
        Cache().LoadOrTrain(CPU).Dispose();
        var bytes = File.ReadAllBytes(FilePath);
        File.WriteAllBytes(FilePath, corruption switch
        {
            "flipped byte" => [.. bytes[..(bytes.Length / 2)], (byte)(bytes[bytes.Length / 2] ^ 0x10), .. bytes[(bytes.Length / 2 + 1)..]],
            "truncated" => bytes[..(bytes.Length - 100)],
            "empty" => [],
            _ => System.Text.Encoding.ASCII.GetBytes("LVAELIVE-CKPT and then something else entirely"),
        });
        _notices.Clear();

        Assert.Null(Cache().TryLoad(CPU));
        Assert.Empty(_notices);
        Cache().LoadOrTrain(CPU).Dispose();

        var notice = Assert.Single(_notices);
        Assert.StartsWith($"classifier: {FilePath} is corrupt (", notice);
        Assert.EndsWith("); retraining", notice);
        Assert.DoesNotContain('\n', notice);
        AssertLoadsSilently();
    }

    [Fact]
    public void AFileMadeForOtherDataIsRetrainedWithOneNotice()
    {
        Cache(TestSetup.Train.Take(1100)).LoadOrTrain(CPU).Dispose();
        _notices.Clear();

        Assert.Null(Cache().TryLoad(CPU));
        Cache().LoadOrTrain(CPU).Dispose();

        Assert.Equal($"classifier: {FilePath} was made for other data; retraining", Assert.Single(_notices));
        AssertLoadsSilently();
    }

    [Fact]
    public void AFileOfAnotherClassifierVersionIsRetrainedWithOneNotice()
    {
        Cache().LoadOrTrain(CPU).Dispose();
        // The version follows the header (a length byte and "LVAELIVE-DIGITS"); the checksum is made right again, so
        // that only the version is wrong.
        var bytes = File.ReadAllBytes(FilePath);
        BitConverter.TryWriteBytes(bytes.AsSpan(16, 4), DigitClassifier.Version + 1);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).CopyTo(bytes.AsSpan(bytes.Length - 32));
        File.WriteAllBytes(FilePath, bytes);
        _notices.Clear();

        Cache().LoadOrTrain(CPU).Dispose();

        Assert.Equal($"classifier: {FilePath} was made for another classifier (version {DigitClassifier.Version + 1}; this build's is {DigitClassifier.Version}); retraining",
            Assert.Single(_notices));
        AssertLoadsSilently();
    }

    [Fact]
    public void TheSameDataTrainsTheSameClassifier()
    {
        using var first = Quick.Train(Train, CPU);
        using var second = Quick.Train(Train, CPU);
        Assert.All(first.parameters().Zip(second.parameters()), pair => Assert.True(pair.First.allclose(pair.Second, rtol: 0, atol: 0)));
    }

    /// <summary>The file that the last retraining wrote is good: the next cache loads it without a word.</summary>
    private void AssertLoadsSilently()
    {
        _notices.Clear();
        Cache().LoadOrTrain(CPU).Dispose();
        Assert.Empty(_notices);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
