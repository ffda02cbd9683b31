using System.Text.Json.Serialization;

namespace LvaeLive.Model.Training;

/// <summary>How Adam's learning rate moves from epoch to epoch: <see cref="TrainOptions.LearningRateAt"/> computes it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LearningRateSchedule>))]
public enum LearningRateSchedule
{
    /// <summary>The base rate throughout (the paper's recipe).</summary>
    Constant,
    /// <summary>The base rate times <see cref="TrainOptions.LearningRateDecay"/> per epoch: the default preset before cosine, kept so that its runs reproduce.</summary>
    Exponential,
    /// <summary>Half a cosine from the base rate at the first epoch down to <see cref="TrainOptions.LearningRateFloor"/> times it at the end of the last.</summary>
    Cosine,
}

public static class LearningRateSchedules
{
    /// <summary>The names the command line and messages use, in the enum's order: constant, exponential, cosine.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<LearningRateSchedule>().Select(name => name.ToLowerInvariant()).ToArray();

    /// <summary>"constant, exponential or cosine".</summary>
    public static string NameList => $"{string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";

    public static string Name(this LearningRateSchedule schedule) => schedule.ToString().ToLowerInvariant();

    /// <summary>The schedule <paramref name="name"/> names, or one line, naming <paramref name="option"/>, that lists the valid names.</summary>
    public static LearningRateSchedule Parse(string name, string option)
    {
        foreach (var schedule in Enum.GetValues<LearningRateSchedule>())
            if (schedule.Name() == name) return schedule;
        throw new ArgumentException($"{option} {name}: there is no such schedule; use {NameList}");
    }
}
