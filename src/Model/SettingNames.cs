using System.Collections;
using System.Globalization;
using System.Text.Json;
using LvaeLive.Model.Training;

namespace LvaeLive.Model;

/// <summary>
/// How a validation message names a setting: by the command-line option that sets it (--layers), or by its field in
/// checkpoint.json (model.latentSizes), so that one range check tells either user what to change.
/// </summary>
public sealed class SettingNames
{
    // The option that sets each property; properties without one come only from a preset or a checkpoint.
    private static readonly Dictionary<string, string> OptionNames = new()
    {
        [nameof(LvaeConfig.Kind)] = "--model",
        [nameof(LvaeConfig.LatentSizes)] = "--layers",
        [nameof(LvaeConfig.HiddenSizes)] = "--hidden",
        [nameof(LvaeConfig.BatchNorm)] = "--batch-norm",
        [nameof(LvaeConfig.Likelihood)] = "--likelihood",
        [nameof(LvaeConfig.SeparateTopDown)] = "--separate-top-down",
        [nameof(TrainOptions.Epochs)] = "--epochs",
        [nameof(TrainOptions.BatchSize)] = "--batch-size",
        [nameof(TrainOptions.LearningRate)] = "--lr",
        [nameof(TrainOptions.LearningRateSchedule)] = "--lr-schedule",
        [nameof(TrainOptions.LearningRateFloor)] = "--lr-floor",
        [nameof(TrainOptions.WarmupEpochs)] = "--warmup-epochs",
        [nameof(TrainOptions.FreeBits)] = "--free-bits",
        [nameof(TrainOptions.Seed)] = "--seed",
        [nameof(TrainOptions.TrainLimit)] = "--train-limit",
    };

    private readonly Func<string, string> _name;

    private SettingNames(Func<string, string> name) => _name = name;

    public static readonly SettingNames Options = new(property => OptionNames.GetValueOrDefault(property) ?? JsonName(property));

    /// <summary>Fields of checkpoint.json, under <paramref name="prefix"/> (e.g. "progress.").</summary>
    public static SettingNames Json(string prefix = "") => new(property => prefix + JsonName(property));

    public string this[string property] => _name(property);

    /// <summary>Unless <paramref name="valid"/>, throws "NAME is VALUE; " followed by <paramref name="expected"/>.</summary>
    public void Require(bool valid, string property, object? value, string expected)
    {
        if (!valid) throw new ArgumentException($"{this[property]} is {Show(value)}; {expected}");
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        IEnumerable items => string.Join(",", items.Cast<object>().Select(Show)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string JsonName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
