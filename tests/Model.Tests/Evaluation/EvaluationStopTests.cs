using LvaeLive.Model.Classifier;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

/// <summary>
/// `lvae eval` stopped by a signal: the long stages look at the stop as they go (the active units and PCA ignored
/// SIGINT for over a minute), and a stopped evaluation writes nothing.
/// </summary>
public sealed class EvaluationStopTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [32, 16] };
    private static readonly TrainOptions Quick = new() { Epochs = 1, BatchSize = 128, TrainLimit = 256, Seed = 4 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-eval-stop-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(ModelEvaluation.ElboStage)]
    [InlineData(ModelEvaluation.LayersStage)]
    public void AStopAsALongStageBeginsEndsItBeforeItsWorkAndWritesNoReport(string stage)
    {
        var run = Path.Combine(_folder, "run");
        using (TrainingSession.Start(run, Small, Quick, TestSetup.Train, TestSetup.Test.Take(200), CPU)) { }
        var classifiers = new ClassifierCache(Path.Combine(_folder, ClassifierCache.FileName), TestSetup.Train.Take(1000), _ => { },
            new ClassifierTraining { Epochs = 1, BatchSize = 100 });
        var report = Path.Combine(_folder, "report");
        using var stop = new CancellationTokenSource();
        var reached = new List<(string Stage, double Fraction)>();
        void Progress(string name, double fraction)
        {
            reached.Add((name, fraction));
            if (name == stage && fraction == 0) stop.Cancel();
        }

        // Two ELBO batches and four batches of posterior means: a stage that looked only at its end would report 1.
        Assert.Throws<OperationCanceledException>(() => CheckpointEvaluation.Run(run, report, TestSetup.Test.Take(2000),
            new EvaluationOptions { Iw = new IwOptions { Samples = 2 }, PosteriorDraws = 2, EffectDraws = 100 },
            classifiers, NamedDrawing.Instance, CPU, Progress, stop.Token));

        Assert.Contains((stage, 0.0), reached);
        Assert.DoesNotContain((stage, 1.0), reached);
        Assert.Equal(stage, reached[^1].Stage);
        Assert.False(Directory.Exists(report) && Directory.EnumerateFileSystemEntries(report).Any(), "a stopped evaluation wrote into its report folder");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
