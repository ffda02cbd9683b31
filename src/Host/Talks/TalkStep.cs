using LvaeLive.Model;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Talks;

/// <summary>
/// One step of a talk: what it changes of the view (unset: left as the step before left it), the point it moves the
/// selected tile to (per layer, bottom first; null: the layer keeps its noise), how it gets there, its caption and
/// how long it holds when it moves on by itself.
/// </summary>
internal sealed record TalkStep
{
    /// <summary>How long a step holds when it moves on by itself; an hour or more is a slip of the keyboard, not a talk.</summary>
    public static readonly SettingRange<double> HoldRange = new(Default: 4, Min: 0, Max: 3600, " seconds");
    /// <summary>How long the move to a step's point takes, within the same bounds as a hold.</summary>
    public static readonly SettingRange<double> TransitionRange = HoldRange with { Default = 1 };

    /// <summary>The time a speaker plans for a step, which the presenter view paces; over ten hours is a slip of the keyboard.</summary>
    public static readonly SettingRange<double> MinutesRange = new(Default: 0, Min: 0, Max: 600, " minutes");

    /// <summary>Where the step starts in the talk file (1-based), for messages.</summary>
    public int Line { get; init; }
    public GridMode? Mode { get; init; }
    public ExplorerColumns? Columns { get; init; }
    /// <summary>0-based.</summary>
    public int? Layer { get; init; }
    public int? Tile { get; init; }
    public required PointSource?[] Point { get; init; }
    /// <summary>Whether the layers the point leaves unset walk on; by default the tile holds still in every layer.</summary>
    public bool? Walk { get; init; }
    /// <summary>The class the selected tile shows over the hold, as the caption claims: what `lvae talk check` verifies.</summary>
    public int? ExpectClass { get; init; }
    public double Transition { get; init; } = TransitionRange.Default;
    public Easing Easing { get; init; } = Easing.Smooth;
    public double Hold { get; init; } = HoldRange.Default;
    /// <summary>Whether the step moves on by itself after its hold live too (`advance = "auto"`); recorded, every step does.</summary>
    public bool AutoAdvance { get; init; }
    public IReadOnlyList<string> Caption { get; init; } = [];
    /// <summary>The speaker's notes, a line each: on the presenter view, never on the audience's canvas.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The minutes the speaker plans for the step, which the presenter view paces; null: no plan.</summary>
    public double? Minutes { get; init; }
    public bool? Training { get; init; }
    public double? Speed { get; init; }
    public float? Temperature { get; init; }
    public CanvasPanels? Panels { get; init; }
    /// <summary>Whether the header and footer (title, HUD, key hints) show; a talk shows panels and caption alone until a step asks.</summary>
    public bool? Hud { get; init; }
}

/// <summary>A talk: its steps in order, and the file they came from.</summary>
internal sealed record Talk(string Path, IReadOnlyList<TalkStep> Steps)
{
    /// <summary>How long the talk lasts when recorded: every step's hold.</summary>
    public double Seconds => Steps.Sum(step => step.Hold);

    /// <summary>The caption band's lines: the longest caption's, so that the layout stays put from step to step.</summary>
    public int CaptionLines => Steps.Max(step => step.Caption.Count);
}
