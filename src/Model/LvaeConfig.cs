using System.Text.Json.Serialization;

namespace LvaeLive.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ModelKind>))]
public enum ModelKind
{
    /// <summary>Ladder VAE: bottom-up estimates merged with the top-down prior by precision weighting.</summary>
    Lvae,
    /// <summary>The paper's baseline: a hierarchical VAE with bottom-up inference q(z_1 | x), q(z_i | z_{i-1}).</summary>
    Vae,
}

[JsonConverter(typeof(JsonStringEnumConverter<Likelihood>))]
public enum Likelihood
{
    /// <summary>p(x | z_1) Bernoulli on binarized pixels, as in the paper's MNIST runs.</summary>
    Bernoulli,
    /// <summary>p(x | z_1) = N(mu, var) on grey levels.</summary>
    Gaussian,
}

/// <summary>
/// The shape of a hierarchical model. Index 0 is the layer next to the data (z_1), the last index the top (z_L).
/// It travels with the weights (as JSON beside them), so a checkpoint rebuilds exactly the model that wrote it.
/// </summary>
public sealed record LvaeConfig
{
    public const int ImagePixels = 784;

    public ModelKind Kind { get; init; } = ModelKind.Lvae;
    public int[] LatentSizes { get; init; } = [64, 32, 16, 8, 4];
    public int[] HiddenSizes { get; init; } = [512, 256, 128, 64, 32];
    public bool BatchNorm { get; init; } = true;
    public Likelihood Likelihood { get; init; } = Likelihood.Bernoulli;
    /// <summary>LVAE only: give the inference path its own top-down MLPs instead of sharing p(z_i | z_{i+1}).</summary>
    public bool SeparateTopDown { get; init; }

    [JsonIgnore] public int Depth => LatentSizes.Length;

    /// <summary>Rejects shapes that cannot make a model, or whose model could not be trained in this machine's memory.</summary>
    /// <param name="names">How the message names a setting: as its option (the default) or its checkpoint.json field.</param>
    public LvaeConfig Validated(SettingNames? names = null)
    {
        names ??= SettingNames.Options;
        names.Require(Enum.IsDefined(Kind), nameof(Kind), Kind, "it must be lvae or vae");
        names.Require(Enum.IsDefined(Likelihood), nameof(Likelihood), Likelihood, "it must be bernoulli or gaussian");
        names.Require(LatentSizes is { Length: > 0 }, nameof(LatentSizes), LatentSizes, "a model needs at least one stochastic layer");
        names.Require(LatentSizes.All(size => size > 0), nameof(LatentSizes), LatentSizes, "latent sizes must all be positive");
        names.Require(HiddenSizes?.Length == LatentSizes.Length, nameof(HiddenSizes), HiddenSizes,
            $"give one hidden width per stochastic layer, {LatentSizes.Length} for {names[nameof(LatentSizes)]} {SettingNames.Show(LatentSizes)}");
        names.Require(HiddenSizes!.All(size => size > 0), nameof(HiddenSizes), HiddenSizes, "hidden widths must all be positive");
        names.Require(!SeparateTopDown || Kind == ModelKind.Lvae, nameof(SeparateTopDown), SeparateTopDown, $"it applies to the LVAE only ({names[nameof(Kind)]} lvae)");
        ModelSize.RequireTrainable(this, names);
        return this;
    }

    public string Describe() =>
        $"{Kind.ToString().ToUpperInvariant()} latents {string.Join("-", LatentSizes)}, hidden {string.Join("-", HiddenSizes)}, " +
        $"batch norm {(BatchNorm ? "on" : "off")}, {Likelihood.ToString().ToLowerInvariant()} likelihood" +
        (SeparateTopDown ? ", separate top-down" : "");

    // Records compare arrays by reference; configurations compare by content.
    public bool Equals(LvaeConfig? other) => other is not null && Kind == other.Kind && BatchNorm == other.BatchNorm &&
        Likelihood == other.Likelihood && SeparateTopDown == other.SeparateTopDown &&
        LatentSizes.SequenceEqual(other.LatentSizes) && HiddenSizes.SequenceEqual(other.HiddenSizes);

    public override int GetHashCode() => HashCode.Combine(Kind, BatchNorm, Likelihood, SeparateTopDown, Depth);
}
