namespace LvaeLive.Model.Training;

/// <summary>How a model is trained; the model's shape is in <see cref="LvaeConfig"/>.</summary>
public sealed record TrainOptions
{
    public int Epochs { get; init; } = 30;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 2e-3;
    /// <summary>Epochs over which beta rises linearly from 0 to 1; 0 turns the warm-up off.</summary>
    public double WarmupEpochs { get; init; } = 3;
    public int Seed { get; init; } = 1;
    /// <summary>Train on the first N images only (0 = all), for quick runs.</summary>
    public int TrainLimit { get; init; }
    /// <summary>Total-norm gradient clip, as the reference code.</summary>
    public double GradientClip { get; init; } = 4;
    /// <summary>Adam's epsilon, as the reference code (1e-4, not PyTorch's 1e-8).</summary>
    public double AdamEpsilon { get; init; } = 1e-4;
    /// <summary>Nats per layer below which a layer's batch-mean KL is not penalised (free bits; 0 = off, the paper's objective).</summary>
    public double FreeBits { get; init; }
    /// <summary>Multiply the learning rate by this after every epoch (1 = constant), to settle faster on short schedules.</summary>
    public double LearningRateDecay { get; init; } = 1.0;

    /// <param name="names">How the message names a setting: as its option (the default) or its checkpoint.json field.</param>
    /// <summary>
    /// The largest learning rate Adam can apply: its first step is lr / (1 - beta1), ten times the rate with TorchSharp's
    /// beta1 = 0.9 (the trainer's), and libtorch refuses a step that float32 weights cannot hold.
    /// </summary>
    public const double MaxLearningRate = float.MaxValue * (1 - 0.9);

    public TrainOptions Validated(SettingNames? names = null)
    {
        names ??= SettingNames.Options;
        names.Require(Epochs > 0, nameof(Epochs), Epochs, "it must be positive");
        names.Require(BatchSize > 1, nameof(BatchSize), BatchSize, "it must be at least 2 for batch norm");
        names.Require(LearningRate is > 0 and <= MaxLearningRate, nameof(LearningRate), LearningRate, $"it must be a positive number up to {MaxLearningRate:G2} (Adam's first step, ten times the rate, must fit in float32)");
        names.Require(WarmupEpochs >= 0 && double.IsFinite(WarmupEpochs), nameof(WarmupEpochs), WarmupEpochs, "it must be 0 (off) or a positive finite number");
        names.Require(TrainLimit >= 0, nameof(TrainLimit), TrainLimit, "it must be 0 (all) or positive");
        names.Require(TrainLimit == 0 || TrainLimit >= BatchSize, nameof(TrainLimit), TrainLimit,
            $"it is smaller than one batch ({names[nameof(BatchSize)]} {BatchSize}); lower the batch size or raise the limit");
        names.Require(GradientClip > 0 && double.IsFinite(GradientClip), nameof(GradientClip), GradientClip, "it must be a positive finite number");
        names.Require(AdamEpsilon > 0 && double.IsFinite(AdamEpsilon), nameof(AdamEpsilon), AdamEpsilon, "it must be a positive finite number");
        names.Require(LearningRateDecay > 0 && double.IsFinite(LearningRateDecay), nameof(LearningRateDecay), LearningRateDecay, "it must be a positive finite number");
        names.Require(FreeBits >= 0 && double.IsFinite(FreeBits), nameof(FreeBits), FreeBits, "it must be 0 (off) or a positive finite number of nats");
        // Seed: every int is a seed.
        return this;
    }
}

/// <summary>Named recipes: the paper's, and one that fits a 2-core CPU.</summary>
public static class Presets
{
    /// <summary>The paper's MNIST recipe (../shared/LVAE.md): 2000 epochs, 200 warm-up epochs, Adam lr 2e-4, batch 256.</summary>
    public static TrainOptions Paper => new() { Epochs = 2000, WarmupEpochs = 200, LearningRate = 2e-4, BatchSize = 256 };

    /// <summary>
    /// The same network on a CPU budget: a larger learning rate that decays, and a short warm-up, so that the test ELBO
    /// passes -100 nats within minutes rather than days.
    /// </summary>
    public static TrainOptions Cpu => new() { Epochs = 30, WarmupEpochs = 2, LearningRate = 2e-3, LearningRateDecay = 0.93, BatchSize = 128 };

    public static TrainOptions Named(string name) => name switch
    {
        "cpu" or "default" => Cpu,
        "paper" => Paper,
        _ => throw new ArgumentException($"unknown preset '{name}'; use 'default' (2-core CPU) or 'paper'"),
    };
}
