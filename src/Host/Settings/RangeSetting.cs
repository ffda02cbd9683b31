using System.CommandLine;
using System.Numerics;

namespace LvaeLive.Host.Settings;

/// <summary>
/// A numeric setting declared once, with its default, minimum and maximum together (osu-framework's way): the option
/// that the command line offers is made from it, and so is the one check that a value is in range, with the one
/// message that says so. NaN is never in range.
/// </summary>
internal sealed record RangeSetting<T>(string Name, string Description, T Default, T Min, T Max, string Unit = "")
    where T : struct, INumber<T>
{
    public Option<T> CreateOption() => new(Name)
    {
        Description = $"{Description} ({Min} to {Max}{Unit}; default {Default}).",
        DefaultValueFactory = _ => Default,
    };

    /// <summary>An option without a default: the setting applies only when it is given.</summary>
    public Option<T?> CreateOptionalOption() => new(Name) { Description = $"{Description} ({Min} to {Max}{Unit})." };

    /// <summary>The value, if it lies within the range; otherwise one line naming the setting and its range.</summary>
    public T Checked(T value) => value >= Min && value <= Max
        ? value
        : throw new ArgumentException($"{Name} is {value}; it must be {Min} to {Max}{Unit}");
}
