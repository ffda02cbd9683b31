using LvaeLive.Model.Checkpoints;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>What an evaluation reports as it goes: a named stage and the fraction of it done.</summary>
public delegate void EvaluationProgress(string stage, double fraction);

/// <summary>How an evaluation samples: the importance-weighted estimate, and the draws behind E_q[z_i | x].</summary>
public sealed record EvaluationOptions
{
    public IwOptions Iw { get; init; } = new();
    public int PosteriorDraws { get; init; } = ExpectedPosteriorMeans.DefaultDraws;
}

/// <summary>Computes every number of an <see cref="EvaluationReport"/> for a model on a prepared test set.</summary>
public static class ModelEvaluation
{
    public static EvaluationReport Measure(HierarchicalModel model, CheckpointInfo checkpoint, Tensor images, EvaluationOptions options,
        EvaluationProgress progress, CancellationToken stop)
    {
        var started = Time.WallClock.StartNew();
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var sampler = new HierarchicalModelSampler(model);
            var iwStage = $"importance-weighted log-likelihood, k = {options.Iw.Samples}";

            progress("1-sample ELBO", 0);
            var elbo = ElboEvaluation.Evaluate(model, images);
            progress("1-sample ELBO", 1);

            var iwStarted = Time.WallClock.StartNew();
            var iw = ImportanceWeightedLikelihood.Estimate(sampler, images, options.Iw, fraction => progress(iwStage, fraction), stop);
            var iwSeconds = iwStarted.Elapsed.TotalSeconds;

            progress("active units and PCA", 0);
            var layers = MeasureLayers(sampler, images, options.PosteriorDraws, elbo.Kl);
            progress("active units and PCA", 1);

            return new EvaluationReport
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
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static LayerReport[] MeasureLayers(IPosteriorMeanSource source, Tensor images, int draws, double[] kl)
    {
        var means = ExpectedPosteriorMeans.Collect(source, images, draws);
        try
        {
            return means.Select((layer, i) =>
            {
                var activity = ActiveUnits.Measure(layer);
                return new LayerReport(i + 1, activity.Units, kl[i], activity.Active, activity.UnitVariances, PrincipalComponents.Of(layer).VarianceExplained);
            }).ToArray();
        }
        finally
        {
            foreach (var layer in means) layer.Dispose();
        }
    }
}
