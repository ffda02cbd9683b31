using System.Text.Json;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class ComparisonTests : IDisposable
{
    private static readonly LvaeConfig Shape = new() { LatentSizes = [8, 4], HiddenSizes = [32, 16] };
    private static readonly TrainOptions Budget = new() { Epochs = 2, BatchSize = 128, TrainLimit = 512, WarmupEpochs = 1, Seed = 9 };
    private static readonly EvaluationOptions Quick = new() { Iw = new IwOptions { Samples = 5 }, PosteriorDraws = 2, EffectDraws = 200 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-compare-test-{Guid.NewGuid():N}");

    private Comparison Create(string name) =>
        new(Path.Combine(_folder, name), ComparedModel.Plan(Shape, Budget, ablations: false), Quick, TestSetup.Train, TestSetup.Test.Take(200),
            new ClassifierCache(Path.Combine(_folder, ClassifierCache.FileName), TestSetup.Train.Take(1000), _ => { }, new ClassifierTraining { Epochs = 1, BatchSize = 100 }),
            NamedDrawing.Instance, CPU);

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

    [Fact]
    public void AnOlderReportGainsTheLayerEffectsAndKeepsItsOtherNumbers()
    {
        var comparison = Create("a");
        var first = comparison.Run(ComparisonHooks.Silent, CancellationToken.None);
        var vae = comparison.EvaluationFolder(ComparedModel.Plan(Shape, Budget, ablations: false)[0]);
        // As an earlier build left it: format 1, and a timing that a new evaluation could not give.
        var older = EvaluationReportTests.FormatOne(ReportText.Json(first.Models[0].Evaluation with { Timing = new EvaluationTiming(12345, 1, 1) }));
        File.WriteAllText(Path.Combine(vae, EvaluationFiles.Json), older);

        var again = Create("a").Run(ComparisonHooks.Silent, CancellationToken.None);

        var upgraded = again.Models[0].Evaluation;
        Assert.Equal(EvaluationReport.CurrentFormat, upgraded.Format);
        Assert.Equal(12345, upgraded.Timing.TotalSeconds);
        Assert.Equal(Numbers(first), Numbers(again));
        using (var saved = File.OpenRead(Path.Combine(vae, EvaluationFiles.Json)))
            Assert.Equal(EvaluationReport.CurrentFormat, JsonSerializer.Deserialize<EvaluationReport>(saved, CheckpointStore.Json)!.Format);
        Assert.Contains("## What each layer changes", File.ReadAllText(Path.Combine(vae, EvaluationFiles.Markdown)));
        Assert.StartsWith("layer effects: ", File.ReadAllText(Path.Combine(vae, EvaluationFiles.LayerEffectsFigure)));
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
