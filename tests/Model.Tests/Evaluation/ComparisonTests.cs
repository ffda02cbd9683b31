using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class ComparisonTests : IDisposable
{
    private static readonly LvaeConfig Shape = new() { LatentSizes = [8, 4], HiddenSizes = [32, 16] };
    private static readonly TrainOptions Budget = new() { Epochs = 2, BatchSize = 128, TrainLimit = 512, WarmupEpochs = 1, Seed = 9 };
    private static readonly EvaluationOptions Quick = new() { Iw = new IwOptions { Samples = 5 }, PosteriorDraws = 2 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-compare-test-{Guid.NewGuid():N}");

    private Comparison Create(string name) =>
        new(Path.Combine(_folder, name), ComparedModel.Plan(Shape, Budget, ablations: false), Quick, TestSetup.Train, TestSetup.Test.Take(200), CPU);

    [Fact]
    public void StoppedAndResumedComparisonGivesTheNumbersOfAnUninterruptedOne()
    {
        var uninterrupted = Create("a").Run(ComparisonHooks.Silent, CancellationToken.None);

        // Stop the second model (the LVAE) in the middle of its second epoch, then run the same comparison again.
        using var stop = new CancellationTokenSource();
        var stopping = ComparisonHooks.Silent with
        {
            Train = (model, session, token) => session.Run(e =>
            {
                if (model.Config.Kind == ModelKind.Lvae && e is TrainingEvent.Stepped { Progress.GlobalStep: 6 }) stop.Cancel();
            }, token),
        };
        Assert.Throws<OperationCanceledException>(() => Create("b").Run(stopping, stop.Token));
        Assert.False(File.Exists(Path.Combine(_folder, "b", ComparisonFiles.Json)));
        var resumed = Create("b").Run(ComparisonHooks.Silent, CancellationToken.None);

        Assert.Equal(Numbers(uninterrupted), Numbers(resumed));
    }

    [Fact]
    public void FinishedRunsAreNeitherTrainedNorEvaluatedAgain()
    {
        var first = Create("a").Run(ComparisonHooks.Silent, CancellationToken.None);
        var trained = new List<string>();
        var again = Create("a").Run(ComparisonHooks.Silent with { Train = (model, _, _) => trained.Add(model.Name) }, CancellationToken.None);
        Assert.Empty(trained);
        // Read back, not recomputed: even the timings are the saved ones.
        Assert.Equal(first.Models.Select(m => m.Evaluation.Timing), again.Models.Select(m => m.Evaluation.Timing));
    }

    /// <summary>The report's JSON with timings set aside.</summary>
    private static string Numbers(ComparisonReport report) => System.Text.Json.JsonSerializer.Serialize(report with
    {
        Models = report.Models.Select(m => m with { Evaluation = m.Evaluation with { Timing = new EvaluationTiming(0, 0, 0) } }).ToList(),
    });

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
