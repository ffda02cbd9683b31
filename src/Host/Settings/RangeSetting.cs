using System.CommandLine;
using System.Numerics;
using LvaeLive.Model;

namespace LvaeLive.Host.Settings;

/// <summary>
/// A numeric setting declared once, with its default, minimum and maximum together (osu-framework's way): the option
/// that the command line offers is made from it, and so is the one check that a value is in range, with the one
/// message that says so. The range itself is Model's <see cref="SettingRange{T}"/>, so that a setting that Model
/// applies (the animation's speed) and an option or talk key that sets it read one declaration. NaN is never in range.
/// </summary>
internal sealed record RangeSetting<T>(string Name, string Description, SettingRange<T> Range)
    where T : struct, INumber<T>
{
    public RangeSetting(string name, string description, T @default, T min, T max, string unit = "")
        : this(name, description, new SettingRange<T>(@default, min, max, unit))
    {
    }

    public T Default => Range.Default;

    public Option<T> CreateOption() => new(Name)
    {
        Description = $"{Description} ({Range.Describe()}; default {Default}).",
        DefaultValueFactory = _ => Default,
    };

    /// <summary>An option without a default: the setting applies only when it is given.</summary>
    public Option<T?> CreateOptionalOption() => new(Name) { Description = $"{Description} ({Range.Describe()})." };

    /// <summary>The value, if it lies within the range; otherwise one line naming the setting and its range.</summary>
    public T Checked(T value) => Range.Contains(value) ? value : throw new ArgumentException(Range.Refusal(Name, value));
}
