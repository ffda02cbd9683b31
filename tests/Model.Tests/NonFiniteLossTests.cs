using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class NonFiniteLossTests : IDisposable
{
    private readonly string runFolder = Path.Combine(Path.GetTempPath(), $"lvae-nan-{Guid.NewGuid():N}");

    [Fact]
    public void RepeatedNonFiniteLossesSkipStepsThenRestoreWithALowerLearningRate()
    {
        // Grey levels of NaN under a Gaussian likelihood make every loss NaN.
        var poisoned = new MnistSplit(Enumerable.Repeat(float.NaN, 256 * MnistSplit.PixelsPerImage).ToArray(), new byte[256]);
        var config = new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8], Likelihood = Likelihood.Gaussian };
        var options = new TrainOptions { Epochs = 2, BatchSize = 64, LearningRate = 1e-3, Seed = 3 };
        using var session = TrainingSession.Start(runFolder, config, options, poisoned, TestSetup.Test.Take(100), CPU);
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
        Assert.Equal(options.LearningRate * TrainingSession.RestoreLearningRateFactor, session.Trainer.Progress.LearningRate, 12);
    }

    public void Dispose()
    {
        if (Directory.Exists(runFolder)) Directory.Delete(runFolder, recursive: true);
    }
}
