using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>The model committed in models/: the very file trained here, good enough to show from the first second.</summary>
public sealed class ShippedModelTests : IDisposable
{
    /// <summary>The SHA-256 of models/lvae-mnist/weights.bin as committed (see models/README.md for how it was made).</summary>
    private const string WeightsSha256 = "1644B1DF03A78F57AA03484728229D8EC6B23C612D6BC9B608BB1DC29F35D14A";
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"lvae-shipped-test-{Guid.NewGuid():N}");

    private static string Folder => Path.Combine(TestSetup.RepositoryFolder, ShippedModel.Folder);

    [Fact]
    public void TheWeightsAreTheCommittedFileUnderTenMegabytes()
    {
        var (info, _) = CheckpointStore.ReadInfo(ShippedModel.Verified(Folder));
        var weights = Path.Combine(Folder, info.WeightsFile);
        Assert.Equal(WeightsSha256, CheckpointStore.Sha256(weights));
        Assert.Equal(WeightsSha256, info.WeightsSha256, ignoreCase: true);
        Assert.True(info.WeightsOnly);
        Assert.True(new FileInfo(weights).Length < 10_000_000, $"{weights} is {new FileInfo(weights).Length} bytes");
        Assert.True(info.Progress.Epoch >= 200, $"the shipped model trained {info.Progress.Epoch} epochs");
    }

    [Fact]
    public void ItsImportanceWeightedLogLikelihoodOnAThousandTestImagesIsBetterThanMinus90Nats()
    {
        using var model = CheckpointStore.LoadModel(Folder, CPU);
        using var images = TestImages.Prepare(TestSetup.Test.Take(1000), model.Config.Likelihood, CPU);
        using var sampler = new FoldedImportanceSampler(model);
        var estimate = ImportanceWeightedLikelihood.Estimate(sampler, images, new IwOptions { Samples = 100 });
        Assert.True(estimate.MeanLogLikelihood > -90, $"log p(x) >= {estimate.MeanLogLikelihood:F2} nats at k = 100");
    }

    [Fact]
    public void ADamagedOrMissingFileIsNamedWithHowToRestoreIt()
    {
        Directory.CreateDirectory(_copy);
        foreach (var file in new[] { CheckpointStore.IndexFile, CheckpointStore.ExportedWeightsFile })
            File.Copy(Path.Combine(Folder, file), Path.Combine(_copy, file));
        Assert.Equal(_copy, ShippedModel.Verified(_copy));

        var weights = Path.Combine(_copy, CheckpointStore.ExportedWeightsFile);
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(weights, bytes);
        var damaged = Assert.Throws<InvalidDataException>(() => ShippedModel.Verified(_copy));
        Assert.Contains(weights, damaged.Message);
        Assert.Contains("git checkout models/", damaged.Message);

        File.Delete(weights);
        var missing = Assert.Throws<FileNotFoundException>(() => ShippedModel.Verified(_copy));
        Assert.Contains($"{weights} is missing", missing.Message);
        Assert.Contains("git checkout models/", missing.Message);

        File.WriteAllText(Path.Combine(_copy, CheckpointStore.IndexFile), "{ not json");
        var index = Assert.Throws<InvalidDataException>(() => ShippedModel.Verified(_copy));
        Assert.Contains(Path.Combine(_copy, CheckpointStore.IndexFile), index.Message);
        Assert.Contains("git checkout models/", index.Message);
    }

    [Fact]
    public void AFolderThatIsNotThereIsNamedWithWhereLvaeLooksForIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ShippedModel.Verified(_copy));
        Assert.Contains($"folder {_copy} is neither in the working folder nor above the program", error.Message);
        Assert.Contains("run lvae from the repository's folder", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy)) Directory.Delete(_copy, recursive: true);
    }
}
