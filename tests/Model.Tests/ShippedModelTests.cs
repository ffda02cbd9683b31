using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>The models committed in models/: the very files trained here, good enough to show from the first second.</summary>
public sealed class ShippedModelTests : IDisposable
{
    /// <summary>The SHA-256s of models/lvae-mnist/weights.bin and models/vae-mnist/weights.bin as committed (see models/README.md for how they were made).</summary>
    private const string LvaeSha256 = "A71D7AF174A7824B12C9CC85B059CB99EF9B1CDCAA1F45E95DBC09764F393389";
    private const string VaeSha256 = "F8ECF6B135AB2F55622463E60641FCC58AF8068E5C897D5479BF8F18842D1495";
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"lvae-shipped-test-{Guid.NewGuid():N}");

    private static string Folder => Path.Combine(TestSetup.RepositoryFolder, ShippedModel.Folder);

    [Theory]
    [InlineData(ShippedModel.Folder, LvaeSha256, ModelKind.Lvae)]
    [InlineData(ShippedModel.VaeFolder, VaeSha256, ModelKind.Vae)]
    public void TheWeightsAreTheCommittedFileUnderTenMegabytes(string shipped, string sha256, ModelKind kind)
    {
        var (info, _) = CheckpointStore.ReadInfo(ShippedModel.Verified(Path.Combine(TestSetup.RepositoryFolder, shipped)));
        var weights = Path.Combine(TestSetup.RepositoryFolder, shipped, info.WeightsFile);
        Assert.Equal(sha256, CheckpointStore.Sha256(weights));
        Assert.Equal(sha256, info.WeightsSha256, ignoreCase: true);
        Assert.Equal(kind, info.Model.Kind);
        Assert.True(info.WeightsOnly);
        Assert.True(new FileInfo(weights).Length < 10_000_000, $"{weights} is {new FileInfo(weights).Length} bytes");
        Assert.Equal(300, info.Progress.Epoch);
    }

    /// <summary>
    /// Measured with `lvae eval --checkpoint models/NAME --iw-samples 100 --test-images 1000` (-81.85 nats for the LVAE, -82.24 for the
    /// VAE): the samples are seeded, so the estimate moves only with the weights and the arithmetic's order.
    /// </summary>
    [Theory]
    [InlineData(ShippedModel.Folder, -81.85)]
    [InlineData(ShippedModel.VaeFolder, -82.24)]
    public void ItsImportanceWeightedLogLikelihoodOnAThousandTestImagesIsTheMeasuredOne(string shipped, double measured)
    {
        using var model = CheckpointStore.LoadModel(Path.Combine(TestSetup.RepositoryFolder, shipped), CPU);
        using var images = TestImages.Prepare(TestSetup.Test.Take(1000), model.Config.Likelihood, CPU);
        using var sampler = new FoldedImportanceSampler(model);
        var estimate = ImportanceWeightedLikelihood.Estimate(sampler, images, new IwOptions { Samples = 100 });
        Assert.InRange(estimate.MeanLogLikelihood, measured - 0.01, measured + 0.01);
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
