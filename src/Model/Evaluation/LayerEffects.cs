using LvaeLive.Model.Classifier;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// What redrawing one layer's noise changes, the other layers' noise kept: the mean absolute change of E[x | z_1] per
/// pixel (grey levels, 0 to 1), and the fraction of draws whose digit changes class (null when no classifier judged).
/// </summary>
public readonly record struct LayerEffect(double PixelChange, double? ClassChange);

/// <summary>
/// Measures, for each layer i, what its noise eps_i decides. A point of the prior is every layer's noise; decoding it
/// (z_L = eps_L, z_i = mu_p(z_{i+1}) + sigma_p(z_{i+1}) eps_i) and decoding it again with eps_i alone drawn anew gives two
/// digits, which differ only through layer i and what the layers below make of it. The draws come from a generator with
/// a fixed seed, so the same weights give the same figures, and a model measured while it trains changes them only
/// through its weights. Cheap enough at <see cref="LiveDraws"/> for the training thread between steps.
/// </summary>
public sealed class LayerEffects
{
    public const int EvaluationDraws = 2000;
    public const int LiveDraws = 256;
    public const long Seed = 19;
    /// <summary>Draws decoded at once: the noise is drawn whole first, so the figures do not depend on this.</summary>
    private const int DrawsPerDecode = 1000;

    public LayerEffects(int draws)
    {
        if (draws <= 0) throw new ArgumentException($"layer effects need a positive number of prior draws (got {draws})");
        Draws = draws;
    }

    public int Draws { get; }

    /// <summary>
    /// One effect per layer, index 0 = z_1. The model is measured in eval mode (batch norm's running averages) and left
    /// in the mode it was in. <paramref name="classifier"/>, on the model's device, judges the classes when given.
    /// <paramref name="progress"/> gets the fraction done after each batch of draws; <paramref name="stop"/> is checked there.
    /// </summary>
    public LayerEffect[] Measure(HierarchicalModel model, IDigitClassifier? classifier = null, Action<double>? progress = null, CancellationToken stop = default)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            using var generator = new Generator((ulong)Seed, model.Device);
            var sizes = model.Config.LatentSizes;
            var kept = sizes.Select(size => randn([Draws, size], generator: generator, device: model.Device)).ToArray();
            var redrawn = sizes.Select(size => randn([Draws, size], generator: generator, device: model.Device)).ToArray();
            var pixelChange = new double[sizes.Length];
            var classChanges = new long[sizes.Length];
            for (var start = 0; start < Draws; start += DrawsPerDecode)
            {
                stop.ThrowIfCancellationRequested();
                var count = Math.Min(DrawsPerDecode, Draws - start);
                using var batchScope = NewDisposeScope();
                var noise = kept.Select(eps => eps.narrow(0, start, count)).ToArray();
                var digits = Decode(model, noise, count);
                var classes = classifier?.Classify(digits);
                for (var layer = 0; layer < sizes.Length; layer++)
                {
                    var changed = noise.ToArray();
                    changed[layer] = redrawn[layer].narrow(0, start, count);
                    var digitsChanged = Decode(model, changed, count);
                    pixelChange[layer] += (digitsChanged - digits).abs().sum(ScalarType.Float64).cpu().item<double>();
                    if (classes is not null)
                        classChanges[layer] += classifier!.Classify(digitsChanged).ne(classes).sum().cpu().item<long>();
                }
                progress?.Invoke((start + count) / (double)Draws);
            }
            return pixelChange.Select((sum, layer) => new LayerEffect(sum / ((double)Draws * LvaeConfig.ImagePixels),
                classifier is null ? null : classChanges[layer] / (double)Draws)).ToArray();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static Tensor Decode(HierarchicalModel model, Tensor[] noise, long count) =>
        model.Decode(noise.Select(LayerLatent.Noise).ToArray(), count, noise: null).Image;
}
