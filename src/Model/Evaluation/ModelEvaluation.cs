using LvaeLive.Files.Time;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>What an evaluation reports as it goes: a named stage and the fraction of it done.</summary>
public delegate void EvaluationProgress(string stage, double fraction);

/// <summary>
/// How an evaluation samples: the importance-weighted estimate, the draws behind E_q[z_i | x], and the prior draws
/// behind each layer's effects.
/// </summary>
public sealed record EvaluationOptions
{
    public IwOptions Iw { get; init; } = new();
    public int PosteriorDraws { get; init; } = ExpectedPosteriorMeans.DefaultDraws;
    public int EffectDraws { get; init; } = LayerEffects.EvaluationDraws;

    public EvaluationOptions Validated()
    {
        Iw.Validated();
        if (EffectDraws <= 0) throw new ArgumentException($"prior draws for the layer effects must be positive (got {EffectDraws})");
        return this;
    }
}

/// <summary>The classifier that judges the class of decoded digits, and its test accuracy, which the report gives beside what it judged.</summary>
public sealed record ClassJudge(IDigitClassifier Classifier, double TestAccuracy);

/// <summary>Computes every number of an <see cref="EvaluationReport"/> for a model on a prepared test set.</summary>
public static class ModelEvaluation
{
    public const string ElboStage = "1-sample ELBO";
    public const string LayersStage = "active units and PCA";
    public const string EffectsStage = "what each layer changes";

    public static EvaluationReport Measure(HierarchicalModel model, CheckpointInfo checkpoint, Tensor images, EvaluationOptions options,
        ClassJudge judge, EvaluationProgress progress, CancellationToken stop)
    {
        var started = WallClock.StartNew();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var iwStage = $"importance-weighted log-likelihood, k = {options.Iw.Samples}";

            progress(ElboStage, 0);
            var elbo = ElboEvaluation.Evaluate(model, images, stop: stop);
            progress(ElboStage, 1);

            var iwStarted = WallClock.StartNew();
            IwEstimate iw;
            using (var sampler = new FoldedImportanceSampler(model))
                iw = ImportanceWeightedLikelihood.Estimate(sampler, images, options.Iw, fraction => progress(iwStage, fraction), stop);
            var iwSeconds = iwStarted.Elapsed.TotalSeconds;

            progress(LayersStage, 0);
            var layers = MeasureLayers(new HierarchicalModelSampler(model), images, options.PosteriorDraws, elbo.Kl, stop);
            progress(LayersStage, 1);

            var effects = MeasureEffects(model, options.EffectDraws, judge, progress, stop);
            var report = new EvaluationReport
            {
                Model = model.Config.Describe(),
                Config = model.Config,
                EpochsTrained = checkpoint.Progress.Epoch,
                WeightsSha256 = checkpoint.WeightsSha256,
                Images = (int)images.shape[0],
                IwSamples = options.Iw.Samples,
                LogLikelihood = iw.MeanLogLikelihood,
                Elbo = elbo.Elbo,
                Reconstruction = elbo.Reconstruction,
                Layers = layers,
                Timing = new EvaluationTiming(started.Elapsed.TotalSeconds, iwSeconds,
                    images.shape[0] * (double)options.Iw.Samples / iwSeconds),
            };
            return WithEffects(report, effects, options.EffectDraws, judge);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>
    /// <paramref name="report"/> with each layer's effects measured on <paramref name="model"/> (whose weights it must
    /// describe), in the current format: how a full evaluation ends, and how an older report gains them.
    /// </summary>
    public static EvaluationReport WithLayerEffects(EvaluationReport report, HierarchicalModel model, int draws, ClassJudge judge,
        EvaluationProgress progress, CancellationToken stop) =>
        WithEffects(report, MeasureEffects(model, draws, judge, progress, stop), draws, judge);

    private static LayerEffect[] MeasureEffects(HierarchicalModel model, int draws, ClassJudge judge, EvaluationProgress progress, CancellationToken stop)
    {
        progress(EffectsStage, 0);
        return new LayerEffects(draws).Measure(model, judge.Classifier, fraction => progress(EffectsStage, fraction), stop);
    }

    private static EvaluationReport WithEffects(EvaluationReport report, LayerEffect[] effects, int draws, ClassJudge judge) => report with
    {
        Format = EvaluationReport.CurrentFormat,
        Layers = report.Layers.Zip(effects, (layer, effect) => layer with { PixelChange = effect.PixelChange, ClassChange = effect.ClassChange!.Value }).ToArray(),
        EffectDraws = draws,
        ClassifierAccuracy = judge.TestAccuracy,
    };

    private static LayerReport[] MeasureLayers(IPosteriorMeanSource source, Tensor images, int draws, double[] kl, CancellationToken stop)
    {
        var means = ExpectedPosteriorMeans.Collect(source, images, draws, stop: stop);
        try
        {
            return means.Select((layer, i) =>
            {
                stop.ThrowIfCancellationRequested();
                var activity = ActiveUnits.Measure(layer);
                return new LayerReport(i + 1, activity.Units, kl[i], activity.Active, activity.UnitVariances, PrincipalComponents.Of(layer).VarianceExplained,
                    PixelChange: 0, ClassChange: 0); // filled in by WithEffects
            }).ToArray();
        }
        finally
        {
            foreach (var layer in means) layer.Dispose();
        }
    }
}
