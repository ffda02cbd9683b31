using System.CommandLine;
using LvaeLive.Model;
using LvaeLive.Model.Training;
using LikelihoodKind = LvaeLive.Model.Likelihood;
using ScheduleKind = LvaeLive.Model.Training.LearningRateSchedule;

namespace LvaeLive.Host.Commands;

/// <summary>
/// The options that shape a model and its training, shared by `train` and `compare`. Each is nullable so that a
/// value the user did not give falls back to the preset.
/// </summary>
internal sealed class ModelOptions
{
    public readonly Option<string> Preset = new("--preset") { Description = "Training recipe: default (the paper's network on a 2-core CPU schedule) or paper (2000 epochs, lr 2e-4).", DefaultValueFactory = _ => "default" };
    public readonly Option<string?> Model = new("--model") { Description = "lvae (Ladder VAE) or vae (the paper's bottom-up hierarchical VAE)." };
    public readonly Option<string?> BatchNorm = new("--batch-norm") { Description = "on or off: batch normalization on every dense layer." };
    public readonly Option<double?> WarmupEpochs = new("--warmup-epochs") { Description = "Epochs over which the KL weight beta rises from 0 to 1 (0 = off)." };
    public readonly Option<double?> FreeBits = new("--free-bits") { Description = "Nats per layer below which a layer's KL is not penalised (free bits, Kingma et al. 2016), to keep upper layers in use; 0 = off." };
    public readonly Option<string?> Layers = new("--layers") { Description = "Latent sizes from the bottom layer up, e.g. 64,32,16,8,4." };
    public readonly Option<string?> Hidden = new("--hidden") { Description = "Hidden widths of each layer's MLP, e.g. 512,256,128,64,32." };
    public readonly Option<string?> Likelihood = new("--likelihood") { Description = "bernoulli (binarized pixels, the paper's) or gaussian (grey levels)." };
    public readonly Option<bool> SeparateTopDown = new("--separate-top-down") { Description = "LVAE: give the inference path its own top-down MLPs instead of sharing p(z_i | z_{i+1})." };
    public readonly Option<int?> Epochs = new("--epochs") { Description = "Number of epochs." };
    public readonly Option<int?> BatchSize = new("--batch-size") { Description = "Images per step." };
    public readonly Option<double?> LearningRate = new("--lr") { Description = "Adam learning rate." };
    public readonly Option<string?> LearningRateSchedule = new(SettingNames.Options[nameof(TrainOptions.LearningRateSchedule)])
    {
        Description = $"How the learning rate moves over the epochs: {LearningRateSchedules.NameList} (default: the preset's, " +
            $"{Presets.Cpu.LearningRateSchedule.Name()} for default, {Presets.Paper.LearningRateSchedule.Name()} for paper).",
    };
    public readonly Option<double?> LearningRateFloor = new(SettingNames.Options[nameof(TrainOptions.LearningRateFloor)])
    {
        Description = $"With the cosine schedule: the rate it ends at, as a fraction of --lr (default {Presets.Cpu.LearningRateFloor}).",
    };
    public readonly Option<int?> Seed = new("--seed") { Description = "Seed of the initial weights, data order, binarization and noise." };
    public readonly Option<int?> TrainLimit = new("--train-limit") { Description = "Train on the first N images only (quick runs)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Preset, Model, BatchNorm, WarmupEpochs, FreeBits, Layers, Hidden, Likelihood, SeparateTopDown, Epochs, BatchSize, LearningRate, LearningRateSchedule, LearningRateFloor, Seed, TrainLimit })
            command.Options.Add(option);
    }

    /// <summary>
    /// Refuses the options that a saved run fixes when <paramref name="continuing"/> (--resume, --checkpoint) continues
    /// it: a shape other than the saved one, and any recipe option (all but --epochs and <paramref name="allowed"/>),
    /// which would be ignored.
    /// </summary>
    public void RequireCompatible(ParseResult parsed, string continuing, string runFolder, LvaeConfig saved, params Option[] allowed)
    {
        var shape = Given(parsed, Model, BatchNorm, Layers, Hidden, Likelihood, SeparateTopDown);
        if (shape.Length > 0 && Config(parsed) is var asked && !asked.Equals(saved))
            throw new ArgumentException($"{continuing} and {string.Join(", ", shape)} conflict: {runFolder} holds a {saved.Describe()} model, not the " +
                $"{asked.Describe()} model asked for; drop {string.Join(", ", shape)} to continue that run, or start a new one");
        var recipe = Given(parsed, new Option[] { Preset, WarmupEpochs, FreeBits, BatchSize, LearningRate, LearningRateSchedule, LearningRateFloor, Seed, TrainLimit }.Except(allowed).ToArray());
        if (recipe.Length > 0)
            throw new ArgumentException($"{continuing} and {string.Join(", ", recipe)} conflict: a saved run keeps the recipe it was started with " +
                $"(only {string.Join(" and ", allowed.Select(o => o.Name).Prepend(Epochs.Name))} may change); drop {string.Join(", ", recipe)}, or start a new run");
    }

    private static string[] Given(ParseResult parsed, params Option[] options) =>
        options.Where(option => parsed.GetResult(option) is { Implicit: false }).Select(option => option.Name).ToArray();

    public LvaeConfig Config(ParseResult parsed)
    {
        var defaults = new LvaeConfig();
        return new LvaeConfig
        {
            Kind = parsed.GetValue(Model) switch
            {
                null or "lvae" => ModelKind.Lvae,
                "vae" => ModelKind.Vae,
                var other => throw new ArgumentException($"--model {other}: use lvae or vae"),
            },
            BatchNorm = OnOff(parsed.GetValue(BatchNorm), "--batch-norm") ?? defaults.BatchNorm,
            LatentSizes = Sizes(parsed.GetValue(Layers), "--layers") ?? defaults.LatentSizes,
            HiddenSizes = Sizes(parsed.GetValue(Hidden), "--hidden") ?? defaults.HiddenSizes,
            Likelihood = parsed.GetValue(Likelihood) switch
            {
                null or "bernoulli" => LikelihoodKind.Bernoulli,
                "gaussian" => LikelihoodKind.Gaussian,
                var other => throw new ArgumentException($"--likelihood {other}: use bernoulli or gaussian"),
            },
            SeparateTopDown = parsed.GetValue(SeparateTopDown),
        }.Validated();
    }

    public TrainOptions Training(ParseResult parsed)
    {
        var preset = Presets.Named(parsed.GetValue(Preset)!);
        var schedule = parsed.GetValue(LearningRateSchedule) is { } name ? LearningRateSchedules.Parse(name, LearningRateSchedule.Name) : preset.LearningRateSchedule;
        if (parsed.GetValue(LearningRateFloor) is not null && schedule != ScheduleKind.Cosine)
            throw new ArgumentException($"{LearningRateFloor.Name} applies to the cosine schedule only, and this run's is {schedule.Name()}; drop it, or add {LearningRateSchedule.Name} cosine");
        return (preset with
        {
            Epochs = parsed.GetValue(Epochs) ?? preset.Epochs,
            BatchSize = parsed.GetValue(BatchSize) ?? preset.BatchSize,
            LearningRate = parsed.GetValue(LearningRate) ?? preset.LearningRate,
            LearningRateSchedule = schedule,
            LearningRateFloor = parsed.GetValue(LearningRateFloor) ?? preset.LearningRateFloor,
            WarmupEpochs = parsed.GetValue(WarmupEpochs) ?? preset.WarmupEpochs,
            FreeBits = parsed.GetValue(FreeBits) ?? preset.FreeBits,
            Seed = parsed.GetValue(Seed) ?? preset.Seed,
            TrainLimit = parsed.GetValue(TrainLimit) ?? preset.TrainLimit,
        }).Validated();
    }

    private static bool? OnOff(string? value, string option) => value switch
    {
        null => null,
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{option} {value}: use on or off"),
    };

    private static int[]? Sizes(string? value, string option)
    {
        if (value is null) return null;
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], out sizes[i]) || sizes[i] <= 0)
                throw new ArgumentException($"{option} {value}: give positive whole numbers separated by commas, e.g. 64,32,16,8,4");
        return sizes;
    }
}
