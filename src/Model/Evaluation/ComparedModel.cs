using LvaeLive.Model.Training;

namespace LvaeLive.Model.Evaluation;

/// <summary>One model of a comparison: its run folder's name, how the report labels it, its shape and its training.</summary>
public sealed record ComparedModel(string Name, string Label, LvaeConfig Config, TrainOptions Training)
{
    /// <summary>
    /// The paper's comparison: the VAE and the LVAE, both with batch norm and warm-up as given; with ablations, each
    /// also without batch norm and without warm-up. All share the shape, the budget and the seed.
    /// </summary>
    public static IReadOnlyList<ComparedModel> Plan(LvaeConfig shape, TrainOptions training, bool ablations)
    {
        var models = new List<ComparedModel>();
        foreach (var kind in new[] { ModelKind.Vae, ModelKind.Lvae })
        {
            var name = kind.ToString().ToLowerInvariant();
            var label = kind.ToString().ToUpperInvariant();
            var config = shape with { Kind = kind, SeparateTopDown = kind == ModelKind.Lvae && shape.SeparateTopDown };
            models.Add(new ComparedModel(name, label, config, training));
            if (!ablations) continue;
            models.Add(new ComparedModel($"{name}-no-batch-norm", $"{label} without batch norm", config with { BatchNorm = false }, training));
            models.Add(new ComparedModel($"{name}-no-warmup", $"{label} without warm-up", config, training with { WarmupEpochs = 0 }));
        }
        return models;
    }
}
