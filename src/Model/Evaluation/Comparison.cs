using System.Text.Json;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// How a comparison shows its work: <see cref="Train"/> runs each training session (with a display, say), and
/// <see cref="Evaluate"/> wraps each evaluation, handing it a progress callback.
/// </summary>
public sealed record ComparisonHooks(
    Action<ComparedModel, TrainingSession, CancellationToken> Train,
    Func<ComparedModel, Func<EvaluationProgress, EvaluationReport>, EvaluationReport> Evaluate)
{
    /// <summary>No display: sessions run silently (tests).</summary>
    public static ComparisonHooks Silent => new((_, session, stop) => session.Run(_ => { }, stop), (_, evaluate) => evaluate((_, _) => { }));
}

/// <summary>
/// `lvae compare`: trains each model of a plan in its own run folder under the output folder, evaluates it, and writes
/// one report. Every part resumes: an unfinished run continues from its checkpoint, a finished one is not trained
/// again, and an evaluation of the same weights with the same settings is read back instead of recomputed.
/// </summary>
/// <param name="drawing">Draws every report's figures and digit grids.</param>
public sealed class Comparison(string outFolder, IReadOnlyList<ComparedModel> models, EvaluationOptions evaluation, MnistSplit train, MnistSplit test,
    ClassifierCache classifiers, IReportDrawing drawing, Device device)
{
    public string RunFolder(ComparedModel model) => Path.Combine(outFolder, "runs", model.Name);

    public string EvaluationFolder(ComparedModel model) => Path.Combine(RunFolder(model), "eval");

    /// <summary>Runs the whole comparison; throws <see cref="OperationCanceledException"/> when stopped (the runs are saved).</summary>
    public ComparisonReport Run(ComparisonHooks hooks, CancellationToken stop)
    {
        evaluation.Validated();
        ReportFiles.EnsureWritable(outFolder);
        var results = new List<ComparedResult>();
        foreach (var model in models)
        {
            Train(model, hooks.Train, stop);
            stop.ThrowIfCancellationRequested();
            results.Add(new ComparedResult(model.Name, model.Label, model.Training, Path.GetRelativePath(outFolder, EvaluationFolder(model)),
                hooks.Evaluate(model, progress => Evaluate(model, progress, stop))));
        }
        var report = new ComparisonReport { Models = results };
        ComparisonFiles.Build(report, drawing).WriteTo(outFolder);
        return report;
    }

    private void Train(ComparedModel model, Action<ComparedModel, TrainingSession, CancellationToken> run, CancellationToken stop)
    {
        var folder = RunFolder(model);
        if (!File.Exists(Path.Combine(folder, CheckpointStore.IndexFile)))
        {
            using var started = TrainingSession.Start(folder, model.Config, model.Training, train, test, device);
            run(model, started, stop);
            return;
        }
        var (info, _) = CheckpointStore.ReadInfo(folder);
        if (!info.Model.Equals(model.Config) || info.Training with { Epochs = model.Training.Epochs } != model.Training)
            throw new ArgumentException($"{folder} holds a {info.Model.Describe()} run trained with other settings than this comparison's; use another --out, or repeat the options it was started with");
        if (info.Progress.Epoch >= model.Training.Epochs) return;
        using var resumed = TrainingSession.Resume(folder, train, test, device, model.Training.Epochs);
        run(model, resumed, stop);
    }

    private EvaluationReport Evaluate(ComparedModel model, EvaluationProgress progress, CancellationToken stop)
    {
        var (info, _) = CheckpointStore.ReadInfo(RunFolder(model));
        var saved = Path.Combine(EvaluationFolder(model), EvaluationFiles.Json);
        EvaluationReport? earlier = null;
        if (File.Exists(saved))
        {
            using var stream = File.OpenRead(saved);
            earlier = JsonSerializer.Deserialize<EvaluationReport>(stream, CheckpointStore.Json);
        }
        // Another model, other settings, or a format newer than this build writes: evaluated afresh.
        if (earlier is null || earlier.WeightsSha256 != info.WeightsSha256 || earlier.IwSamples != evaluation.Iw.Samples || earlier.Images != test.Count
            || earlier.Format > EvaluationReport.CurrentFormat)
            return CheckpointEvaluation.Run(RunFolder(model), EvaluationFolder(model), test, evaluation, classifiers, drawing, device, progress, stop);
        if (earlier.Format == EvaluationReport.CurrentFormat && earlier.EffectDraws == evaluation.EffectDraws)
            return earlier;
        // An older report (format 1, before the layer effects) or other draws: its paper measures, hours of importance
        // sampling at k = 5000, still hold for these weights, so only the layer effects are measured.
        return CheckpointEvaluation.Run(RunFolder(model), EvaluationFolder(model), test, evaluation, classifiers, drawing, device, progress, stop, measured: earlier);
    }
}
