using System.Globalization;
using LvaeLive.Model;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Commands;

/// <summary>One model of a race: its spelling (its name on the canvas), its shape and its recipe.</summary>
internal sealed record RaceEntrant(string Name, LvaeConfig Config, TrainOptions Options);

/// <summary>
/// `--race A,B`: the two models of a race, each `vae` or `lvae` with `:option=value` changes to the shape and recipe
/// that the other model options give both, e.g. `lvae,lvae:batch-norm=off` or `vae,lvae:warmup=0`. Everything not
/// spelled is the same for both, the seed (so the data order and binarization) included.
/// </summary>
internal static class RaceSpelling
{
    public const string Default = "vae,lvae";

    public const string Help = "two models, e.g. vae,lvae (the default) or lvae,lvae:batch-norm=off; each is vae or lvae, optionally followed by " +
        ":batch-norm=on|off, :warmup=EPOCHS or :free-bits=NATS";

    private static readonly string Accepted = $"use {Help}";

    public static RaceEntrant[] Parse(string spelling, LvaeConfig config, TrainOptions options)
    {
        var models = spelling.Split(',', StringSplitOptions.TrimEntries);
        if (models.Length != 2)
            throw new ArgumentException($"--race {spelling}: {models.Length} model{(models.Length == 1 ? "" : "s")}; {Accepted}");
        return models.Select(model => Entrant(spelling, model, config, options)).ToArray();
    }

    private static RaceEntrant Entrant(string spelling, string model, LvaeConfig config, TrainOptions options)
    {
        var parts = model.Split(':', StringSplitOptions.TrimEntries);
        config = parts[0] switch
        {
            "lvae" => config with { Kind = ModelKind.Lvae },
            "vae" => config with { Kind = ModelKind.Vae },
            var other => throw new ArgumentException($"--race {spelling}: unknown model '{other}'; {Accepted}"),
        };
        foreach (var change in parts.Skip(1))
        {
            var (name, value) = change.Split('=', 2) is [var n, var v] ? (n.Trim(), v.Trim()) : (change, "");
            (config, options) = name switch
            {
                "batch-norm" => (config with { BatchNorm = value switch
                {
                    "on" => true,
                    "off" => false,
                    _ => throw Bad(spelling, change),
                } }, options),
                "warmup" => (config, options with { WarmupEpochs = Number(spelling, change, value) }),
                "free-bits" => (config, options with { FreeBits = Number(spelling, change, value) }),
                _ => throw Bad(spelling, change),
            };
        }
        return new RaceEntrant(model, config.Validated(), options.Validated());
    }

    private static double Number(string spelling, string change, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Bad(spelling, change);

    private static ArgumentException Bad(string spelling, string change) =>
        new($"--race {spelling}: unknown option '{change}'; {Accepted}");
}
