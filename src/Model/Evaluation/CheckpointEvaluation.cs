using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// `lvae eval`: evaluates a checkpoint on the test set, writes the report's files atomically into a folder, and logs
/// the numbers to the run's TensorBoard events (an exported model's go into the report's folder). Every check that can
/// fail fast runs before the long computation.
/// </summary>
public static class CheckpointEvaluation
{
    public const string ClassifierStage = "digit classifier for the class changes (trained once)";

    /// <param name="classifiers">Gives the classifier that judges class changes (trained, once, if none is cached).</param>
    /// <param name="drawing">Draws the report's figures and digit grids.</param>
    /// <param name="measured">
    /// An earlier report of the same weights in an older format: its numbers are kept and only the layer effects are
    /// measured, rather than hours of importance sampling again.
    /// </param>
    public static EvaluationReport Run(string checkpoint, string outFolder, MnistSplit test, EvaluationOptions options, ClassifierCache classifiers,
        IReportDrawing drawing, Device device, EvaluationProgress progress, CancellationToken stop, EvaluationReport? measured = null)
    {
        options.Validated();
        ReportFiles.EnsureWritable(outFolder);
        var (info, runFolder) = CheckpointStore.ReadInfo(checkpoint);
        if (measured is not null && measured.WeightsSha256 != info.WeightsSha256)
            throw new ArgumentException($"the earlier report given is of other weights than {checkpoint}'s");
        // A training run keeps the evaluation's scalars beside its curves. An exported model, the shipped one among
        // them, stays as it was made (models/ as checked out), so its scalars go with the report.
        var eventsFolder = info.WeightsOnly ? outFolder : runFolder;
        ReportFiles.EnsureWritable(eventsFolder);
        using var model = CheckpointStore.LoadModel(runFolder, device);
        model.eval();
        using var images = TestImages.Prepare(test, info.Model.Likelihood, device);
        using var classifier = classifiers.LoadOrTrain(device, fraction => progress(ClassifierStage, fraction), stop);
        var judge = new ClassJudge(classifier, classifier.Accuracy(test));
        var report = measured is null
            ? ModelEvaluation.Measure(model, info, images, options, judge, progress, stop)
            : ModelEvaluation.WithLayerEffects(measured, model, options.EffectDraws, judge, progress, stop);
        var files = EvaluationFiles.Build(report, model, images, checkpoint, drawing);
        // A stop while the figures were drawn is still a stop: the user was told that no report would be written.
        stop.ThrowIfCancellationRequested();
        files.WriteTo(outFolder);
        WriteEvents(eventsFolder, report);
        return report;
    }

    /// <summary>The report's numbers as TensorBoard scalars at the step of the epochs trained, beside the training curves.</summary>
    private static void WriteEvents(string runFolder, EvaluationReport report)
    {
        var events = torch.utils.tensorboard.SummaryWriter(runFolder);
        var step = report.EpochsTrained;
        events.add_scalar($"eval/log_likelihood_iw{report.IwSamples}", (float)report.LogLikelihood, step);
        events.add_scalar("eval/elbo", (float)report.Elbo, step);
        events.add_scalar("eval/reconstruction", (float)report.Reconstruction, step);
        events.add_scalar("eval/active_units", report.TotalActiveUnits, step);
        events.add_scalar("eval/classifier_accuracy", (float)report.ClassifierAccuracy, step);
        foreach (var layer in report.Layers)
        {
            events.add_scalar($"eval/kl/z{layer.Layer}", (float)layer.Kl, step);
            events.add_scalar($"eval/active_units/z{layer.Layer}", layer.ActiveUnits, step);
            events.add_scalar($"eval/pca_first_component/z{layer.Layer}", (float)layer.PcaVarianceExplained[0], step);
            events.add_scalar($"eval/pixel_change/z{layer.Layer}", (float)layer.PixelChange, step);
            events.add_scalar($"eval/class_change/z{layer.Layer}", (float)layer.ClassChange, step);
        }
    }
}
