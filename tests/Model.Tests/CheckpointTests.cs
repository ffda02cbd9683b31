using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class CheckpointTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };
    private static readonly TrainOptions Quick = new() { Epochs = 3, BatchSize = 128, TrainLimit = 1024, WarmupEpochs = 1.5, Seed = 21 };
    private readonly string runFolder = Path.Combine(Path.GetTempPath(), $"lvae-test-{Guid.NewGuid():N}");

    private static TrainingSession Start(string folder, LvaeConfig? config = null) =>
        TrainingSession.Start(folder, config ?? Small, Quick, TestSetup.Train, TestSetup.Test.Take(500), CPU);

    [Fact]
    public void CheckpointRoundTripsBitExactly()
    {
        using var session = Start(runFolder);
        for (var i = 0; i < 5; i++) session.StepOnce(_ => { });
        CheckpointStore.Save(runFolder, session.Trainer);

        using var loaded = CheckpointStore.LoadModel(runFolder, CPU);
        var saved = session.Trainer.Model.state_dict();
        var restored = loaded.state_dict();
        Assert.Equal(saved.Keys, restored.Keys);
        foreach (var (name, tensor) in saved)
            Assert.True(tensor.bytes.SequenceEqual(restored[name].bytes), $"{name} differs after the round trip");
    }

    [Fact]
    public void ResumedRunRepeatsTheLossesOfAnUninterruptedOne()
    {
        // 8 steps an epoch: stop mid-epoch 1 (step 11), so the resumed part crosses an epoch boundary, a warm-up
        // step and a re-binarization.
        const int stopAt = 11, total = 20;
        var uninterrupted = new List<double>();
        using (var session = Start(Path.Combine(runFolder, "a")))
            for (var i = 0; i < total; i++)
                uninterrupted.Add(session.StepOnce(_ => { }).Step.Elbo);

        var resumed = new List<double>();
        var folder = Path.Combine(runFolder, "b");
        using (var session = Start(folder))
        {
            for (var i = 0; i < stopAt; i++) resumed.Add(session.StepOnce(_ => { }).Step.Elbo);
            session.Run(_ => { }, new CancellationToken(canceled: true));
        }
        using (var session = TrainingSession.Resume(folder, TestSetup.Train, TestSetup.Test.Take(500), CPU))
        {
            Assert.Equal(stopAt, session.Trainer.Progress.GlobalStep);
            for (var i = stopAt; i < total; i++) resumed.Add(session.StepOnce(_ => { }).Step.Elbo);
        }

        for (var i = 0; i < total; i++)
            Assert.True(Math.Abs(uninterrupted[i] - resumed[i]) <= 1e-5 * Math.Abs(uninterrupted[i]), $"step {i}: {uninterrupted[i]} uninterrupted, {resumed[i]} resumed");
    }

    [Fact]
    public void CheckpointOfAnotherShapeFailsNamingTheMismatch()
    {
        using (var session = Start(runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(runFolder);
        var other = info with { Model = info.Model with { LatentSizes = [8, 6] } };
        using var model = ModelFactory.Create(other.Model);
        using var trainer = new Trainer(model, Quick, TestSetup.Train, CPU);
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.Restore(folder, info, trainer));
        Assert.Contains("8-6", error.Message);

        // The weights file itself also refuses a model of another shape, naming the tensor.
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile),
            System.Text.Json.JsonSerializer.Serialize(other, CheckpointStore.Json));
        var loadError = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
        Assert.Matches(@"\[6, \d+\].*\[4, \d+\]|\[4, \d+\].*\[6, \d+\]|\[\d+, 4\].*\[\d+, 6\]|\[\d+, 6\].*\[\d+, 4\]|\[4\].*\[6\]|\[6\].*\[4\]", loadError.Message);
    }

    [Fact]
    public void TruncatedWeightsFileIsReportedAndTheIndexStillNamesAWholeFile()
    {
        using (var session = Start(runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(runFolder);
        var weights = Path.Combine(folder, info.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
        Assert.Contains("truncated or corrupted", error.Message);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.partial"));
    }

    [Fact]
    public void StartingOverAnExistingRunIsRefused()
    {
        using (var session = Start(runFolder)) { }
        var error = Assert.Throws<IOException>(() => Start(runFolder));
        Assert.Contains("--resume", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(runFolder)) Directory.Delete(runFolder, recursive: true);
    }
}
