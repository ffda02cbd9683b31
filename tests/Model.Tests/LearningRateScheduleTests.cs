using System.Text.Json.Nodes;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>The learning-rate schedules against numbers worked out by hand, and checkpoints from before there was a choice.</summary>
public sealed class LearningRateScheduleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-schedule-").FullName;

    [Theory]
    // The default preset: lr 2e-3 over 30 epochs to a floor of 5 %. lr (0.05 + 0.95 (1 + cos(pi e / 30)) / 2):
    [InlineData(0, 2e-3)]         // cos 0 = 1: the base rate
    [InlineData(10, 1.525e-3)]    // cos(pi / 3) = 1/2: 0.05 + 0.95 * 0.75 = 0.7625
    [InlineData(15, 1.05e-3)]     // cos(pi / 2) = 0: 0.05 + 0.95 * 0.5 = 0.525
    [InlineData(20, 5.75e-4)]     // cos(2 pi / 3) = -1/2: 0.05 + 0.95 * 0.25 = 0.2875
    [InlineData(30, 1e-4)]        // cos(pi) = -1: the floor, 5 % of 2e-3
    [InlineData(45, 1e-4)]        // past the last epoch (a run resumed with fewer): still the floor
    public void TheDefaultPresetIsACosineToAFloorOfFivePercent(int epoch, double expected)
    {
        Assert.Equal(LearningRateSchedule.Cosine, Presets.Cpu.LearningRateSchedule);
        Assert.Equal(expected, Presets.Cpu.LearningRateAt(epoch), 1e-15);
    }

    [Theory]
    [InlineData(0, 2e-3)]
    [InlineData(1, 1.86e-3)]      // 2e-3 * 0.93
    [InlineData(2, 1.7298e-3)]    // 2e-3 * 0.93 * 0.93 = 2e-3 * 0.8649
    public void ExponentialDecaysByTheDecayEveryEpoch(int epoch, double expected) =>
        Assert.Equal(expected, (Presets.Cpu with { LearningRateSchedule = LearningRateSchedule.Exponential }).LearningRateAt(epoch), 1e-15);

    [Fact]
    public void ThePapersRateIsConstant()
    {
        Assert.Equal(2e-4, Presets.Paper.LearningRateAt(0));
        Assert.Equal(2e-4, Presets.Paper.LearningRateAt(1999));
    }

    [Fact]
    public void ARunTrainedOnFromAnotherStartsTheScheduleAtItsFirstEpoch()
    {
        // 30 epochs on from a model trained for 200: epochs 200 to 229, the cosine's middle at epoch 215.
        var options = Presets.Cpu with { Epochs = 230, ScheduleStartEpoch = 200 };
        Assert.Equal(2e-3, options.LearningRateAt(200), 1e-15);
        Assert.Equal(1.05e-3, options.LearningRateAt(215), 1e-15);
        Assert.Equal(1e-4, options.LearningRateAt(230), 1e-15);
    }

    [Fact]
    public void TheTrainerTakesTheScheduledRateAtEveryEpochAndHalvesItPerRestore()
    {
        // 4 steps an epoch, 5 epochs.
        var options = new TrainOptions { Epochs = 5, BatchSize = 64, TrainLimit = 256, WarmupEpochs = 0, LearningRateSchedule = LearningRateSchedule.Cosine, LearningRateFloor = 0.1 };
        using var model = ModelFactory.Create(new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, seed: 1);
        using var trainer = new Trainer(model, options, TestSetup.Train, CPU);
        while (!trainer.Finished)
        {
            Assert.Equal(options.LearningRateAt(trainer.Progress.Epoch), trainer.Progress.LearningRate);
            trainer.Step();
        }
        trainer.ContinueAfterRestore(restores: 2);
        Assert.Equal(options.LearningRateAt(5) / 4, trainer.Progress.LearningRate);
    }

    /// <summary>The index of a run from before schedules: the first shipped model's, kept as it was committed.</summary>
    private static string FormatOneRun => Path.Combine(TestSetup.RepositoryFolder, "tests", "Model.Tests", "Fixtures", "format1-run");

    [Fact]
    public void AShippedModelFromBeforeSchedulesLoadsAsExponentialWithItsDecay()
    {
        // The index of the LVAE shipped until the 300-epoch one, format 1 without a learningRateSchedule: 200 epochs at lr
        // 2e-3, decay 0.93.
        var (info, _) = CheckpointStore.ReadInfo(FormatOneRun);
        Assert.Equal(CheckpointInfo.CurrentFormat, info.Format);
        Assert.Equal(LearningRateSchedule.Exponential, info.Training.LearningRateSchedule);
        Assert.Equal(0.93, info.Training.LearningRateDecay);
        Assert.Equal(0, info.Training.ScheduleStartEpoch);
        Assert.Equal(info.Progress.LearningRate, info.Training.LearningRateAt(info.Progress.Epoch), info.Progress.LearningRate * 1e-9);
    }

    [Fact]
    public void AnOldRunTrainedOnFromAnotherResumesItsDecayWhereItWas()
    {
        // A format-1 run trained on from the shipped model (epoch 200) at lr 2e-4 for 30 epochs, saved after 10 of them,
        // one restore among them: its rate was 2e-4 * 0.93^10 / 2.
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(FormatOneRun, CheckpointStore.IndexFile)))!;
        index["training"]!["epochs"] = 230;
        index["training"]!["learningRate"] = 2e-4;
        index["progress"]!["epoch"] = 210;
        index["progress"]!["restores"] = 1;
        index["progress"]!["learningRate"] = 2e-4 * Math.Pow(0.93, 10) / 2;
        File.WriteAllText(Path.Combine(_folder, CheckpointStore.IndexFile), index.ToJsonString());

        var (info, _) = CheckpointStore.ReadInfo(_folder);
        Assert.Equal(LearningRateSchedule.Exponential, info.Training.LearningRateSchedule);
        Assert.Equal(200, info.Training.ScheduleStartEpoch);
        Assert.Equal(2e-4 * Math.Pow(0.93, 11), info.Training.LearningRateAt(211), 1e-18);
    }

    [Fact]
    public void ANewCheckpointNamesItsScheduleAndReadsBackTheSame()
    {
        var options = Presets.Cpu with { Epochs = 2, TrainLimit = 256, LearningRateFloor = 0.2 };
        using (TrainingSession.Start(_folder, new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, options, TestSetup.Train, TestSetup.Test.Take(100), CPU)) { }
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, CheckpointStore.IndexFile)))!;
        Assert.Equal(CheckpointInfo.CurrentFormat, (int)json["format"]!);
        Assert.Equal("Cosine", (string?)json["training"]!["learningRateSchedule"]);
        Assert.Equal(options, CheckpointStore.ReadInfo(_folder).Info.Training);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
