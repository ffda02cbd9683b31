using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Tests.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>
/// An exported model (`lvae export`, the shipped model): the weights alone, loaded bit-exactly, refused for resuming,
/// and trained on from in a new run that counts on from it.
/// </summary>
public sealed class ExportTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };
    private static readonly TrainOptions Quick = new() { Epochs = 2, BatchSize = 128, TrainLimit = 512, WarmupEpochs = 1, Seed = 5 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-export-test-{Guid.NewGuid():N}");
    private string Run => Path.Combine(_folder, "run");
    private string Exported => Path.Combine(_folder, "exported");

    private void TrainTwoEpochs()
    {
        using var session = TrainingSession.Start(Run, Small, Quick, TestSetup.Train, TestSetup.Test.Take(200), CPU);
        session.Run(_ => { }, CancellationToken.None);
    }

    [Fact]
    public void EvaluatingAnExportLeavesItsFolderAsItWasAndLogsBesideTheReport()
    {
        TrainTwoEpochs();
        CheckpointStore.Export(Run, Exported);
        var before = Directory.GetFiles(Exported).Order().ToArray();
        var report = Path.Combine(_folder, "report");
        var classifiers = new ClassifierCache(Path.Combine(_folder, ClassifierCache.FileName), TestSetup.Train.Take(1000), _ => { },
            new ClassifierTraining { Epochs = 1, BatchSize = 100 });

        CheckpointEvaluation.Run(Exported, report, TestSetup.Test.Take(200), new EvaluationOptions { Iw = new IwOptions { Samples = 5 }, PosteriorDraws = 2, EffectDraws = 200 },
            classifiers, NamedDrawing.Instance, CPU, (_, _) => { }, CancellationToken.None);

        Assert.Equal(before, Directory.GetFiles(Exported).Order().ToArray());
        Assert.Single(Directory.GetFiles(report, "events.out.tfevents.*"));
    }

    [Fact]
    public void ExportKeepsTheWeightsBitExactlyWithoutTheOptimizerState()
    {
        TrainTwoEpochs();
        var exported = CheckpointStore.Export(Run, Exported);

        var (full, _) = CheckpointStore.ReadInfo(Run);
        Assert.True(exported.WeightsOnly);
        Assert.False(full.WeightsOnly);
        Assert.Equal(full.Progress, exported.Progress);
        // Adam keeps two moments per weight, so the full checkpoint is about three times the model.
        var ratio = new FileInfo(Path.Combine(Run, full.WeightsFile)).Length / (double)new FileInfo(Path.Combine(Exported, exported.WeightsFile)).Length;
        Assert.InRange(ratio, 2.8, 3.2);
        using var original = CheckpointStore.LoadModel(Run, CPU);
        using var copy = CheckpointStore.LoadModel(Exported, CPU);
        foreach (var (name, tensor) in original.state_dict())
            Assert.True(tensor.bytes.SequenceEqual(copy.state_dict()[name].bytes), $"{name} differs in the export");
    }

    [Fact]
    public void AnExportIsRefusedForResumingAndNotOverwritten()
    {
        TrainTwoEpochs();
        CheckpointStore.Export(Run, Exported);
        var resume = Assert.Throws<InvalidDataException>(() => TrainingSession.Resume(Exported, TestSetup.Train, TestSetup.Test.Take(200), CPU, epochs: 4));
        Assert.Contains("exported model", resume.Message);
        var before = File.ReadAllBytes(Path.Combine(Exported, CheckpointStore.IndexFile));
        var again = Assert.Throws<IOException>(() => CheckpointStore.Export(Run, Exported));
        Assert.Contains("already holds a model", again.Message);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(Exported, CheckpointStore.IndexFile)));
    }

    [Fact]
    public void TrainingOnFromAnExportStartsAtItsWeightsAndCountsOnFromItsEpochs()
    {
        TrainTwoEpochs();
        CheckpointStore.Export(Run, Exported);
        var history = File.ReadAllLines(Path.Combine(Run, MetricsLog.FileName));
        using var exported = CheckpointStore.LoadModel(Exported, CPU);
        var newRun = Path.Combine(_folder, "on");
        var session = TrainingSession.StartFrom(Exported, newRun, epochs: 1, learningRate: 1e-3, TestSetup.Train, TestSetup.Test.Take(200), CPU);

        var trainer = session.Trainer;
        foreach (var (name, tensor) in exported.state_dict())
            Assert.True(tensor.bytes.SequenceEqual(trainer.Model.state_dict()[name].bytes), $"{name} does not start at the export's value");
        Assert.Equal((2, 0, 2 * 4L), (trainer.Progress.Epoch, trainer.Progress.StepInEpoch, trainer.Progress.GlobalStep));
        Assert.Equal(1.0, trainer.Beta); // the warm-up ended in the first run
        Assert.Equal(3, trainer.Options.Epochs);
        Assert.Equal(1e-3, trainer.Progress.LearningRate);
        // The curves run on: the first run's history comes first in the new run's log.
        Assert.Equal(history, File.ReadAllLines(Path.Combine(newRun, MetricsLog.FileName)).Take(history.Length));

        session.Run(_ => { }, CancellationToken.None);
        Assert.Equal(3, trainer.Progress.Epoch);
        var moved = exported.state_dict().Any(p => !p.Value.bytes.SequenceEqual(trainer.Model.state_dict()[p.Key].bytes));
        Assert.True(moved, "an epoch of training changed no weight");
        // The new run is a whole run of its own: it resumes, once this session has let its folder go.
        session.Dispose();
        using var resumed = TrainingSession.Resume(newRun, TestSetup.Train, TestSetup.Test.Take(200), CPU);
        Assert.Equal(3, resumed.Trainer.Progress.Epoch);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
