using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class NonFiniteLossTests : IDisposable
{
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), $"lvae-nan-{Guid.NewGuid():N}");

    private static readonly TrainOptions Options = new() { Epochs = 2, BatchSize = 64, LearningRate = 1e-3, Seed = 3 };

    /// <summary>A run on grey levels of NaN under a Gaussian likelihood: every loss is NaN.</summary>
    private TrainingSession StartPoisoned()
    {
        var poisoned = new MnistSplit(Enumerable.Repeat(float.NaN, 256 * MnistSplit.PixelsPerImage).ToArray(), new byte[256]);
        var config = new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8], Likelihood = Likelihood.Gaussian };
        return TrainingSession.Start(_runFolder, config, Options, poisoned, TestSetup.Test.Take(100), CPU);
    }

    [Fact]
    public void RepeatedNonFiniteLossesSkipStepsThenRestoreWithALowerLearningRate()
    {
        using var session = StartPoisoned();
        var initial = session.Trainer.Model.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());

        var notices = new List<string>();
        for (var i = 0; i < TrainingSession.NonFiniteStepsBeforeRestore; i++)
        {
            Assert.True(session.StepOnce(e => { if (e is TrainingEvent.Notice n) notices.Add(n.Message); }).Step.Skipped);
            // Skipped steps leave no trace, batch norm's running statistics included.
            foreach (var (name, tensor) in session.Trainer.Model.state_dict())
                Assert.True(tensor.bytes.SequenceEqual(initial[name].bytes), $"{name} changed in skipped step {i + 1}");
        }

        Assert.Equal(TrainingSession.NonFiniteStepsBeforeRestore + 1, notices.Count);
        Assert.Contains("restored", notices[^1]);
        Assert.Equal(1, session.Trainer.Progress.Restores);
        Assert.Equal(Options.LearningRate * Trainer.RestoreLearningRateFactor, session.Trainer.Progress.LearningRate, 12);
    }

    [Fact]
    public void EachRestoreHalvesTheRateAgainAndTheRunStopsAfterTheLastWithItsCheckpointWhole()
    {
        using var session = StartPoisoned();
        var index = Path.Combine(_runFolder, CheckpointStore.IndexFile);
        var savedIndex = File.ReadAllBytes(index);

        var rates = new List<double>();
        Exception? stopped = null;
        // Bounded: a run that never stops fails here instead of hanging.
        for (var i = 0; i < 100 && stopped is null; i++)
        {
            var restores = session.Trainer.Progress.Restores;
            stopped = Record.Exception(() => session.StepOnce(_ => { }));
            if (session.Trainer.Progress.Restores != restores) rates.Add(session.Trainer.Progress.LearningRate);
        }

        Assert.Equal(Enumerable.Range(1, TrainingSession.MaxRestores).Select(k => Options.LearningRate * Math.Pow(Trainer.RestoreLearningRateFactor, k)), rates);
        var diverged = Assert.IsType<TrainingDivergedException>(stopped);
        Assert.Equal($"training diverged: the loss stayed non-finite through 5 restores of checkpoint-e0000-s000000000.bin, down to a learning rate of 3.13E-05; " +
            $"{_runFolder} still holds that checkpoint. Start a new run with a lower --lr (this one began at 0.001)", diverged.Message);
        Assert.Equal(savedIndex, File.ReadAllBytes(index));
        using var model = CheckpointStore.LoadModel(_runFolder, CPU);
    }

    public void Dispose()
    {
        if (Directory.Exists(_runFolder)) Directory.Delete(_runFolder, recursive: true);
    }
}
