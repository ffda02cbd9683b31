using System.Numerics;

namespace LvaeLive.Model;

/// <summary>
/// A numeric setting's default and range, declared once beside the code that applies it, so that every reader agrees:
/// that code (the animation clock keeps its speed within the range), and every check of a value given from outside,
/// whether a command-line option (Host's RangeSetting) or a talk file's key, which refuses it with the same message.
/// NaN is never in range.
/// </summary>
public sealed record SettingRange<T>(T Default, T Min, T Max, string Unit = "") where T : struct, INumber<T>
{
    public bool Contains(T value) => value >= Min && value <= Max;

    public T Clamp(T value) => T.Clamp(value, Min, Max);

    /// <summary>"MIN to MAXUNIT", for descriptions.</summary>
    public string Describe() => $"{Min} to {Max}{Unit}";

    /// <summary>The one line that refuses <paramref name="value"/>, naming the setting as its source spells it.</summary>
    public string Refusal(string name, T value) => $"{name} is {value}; it must be {Describe()}";
}
