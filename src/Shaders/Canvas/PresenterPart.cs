namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// What the presenter view shows, as plain data filled by the session: where the talk is, this step's notes, the
/// next step's caption, every step (the current one marked), the times and a notice. Drawn on the presenter's own
/// canvas, never on the audience's, and never read back.
/// </summary>
public sealed class PresenterPart
{
    /// <summary>Where the talk is, e.g. "step 3/10".</summary>
    public string Position { get; set; } = "";

    /// <summary>This step's speaker notes, a line each.</summary>
    public IReadOnlyList<string> Notes { get; set; } = [];

    /// <summary>The next step's caption lines; empty after the last step.</summary>
    public IReadOnlyList<string> NextCaption { get; set; } = [];

    /// <summary>What the "next" panel says when there is no next step (or it has no caption).</summary>
    public string NextNote { get; set; } = "";

    /// <summary>Every step, one line each, in order.</summary>
    public IReadOnlyList<string> Steps { get; set; } = [];

    /// <summary>The step shown, 0-based (-1: none yet): marked in the list.</summary>
    public int Current { get; set; } = -1;

    /// <summary>The time since the talk started, e.g. "0:12:34".</summary>
    public string Elapsed { get; set; } = "";

    /// <summary>The time of day, e.g. "21:05".</summary>
    public string Clock { get; set; } = "";

    /// <summary>The step's pacing when it plans its minutes ("1:10 of 2:00"), else empty.</summary>
    public string Pacing { get; set; } = "";

    /// <summary>Whether the step has run past its planned minutes: the pacing shows in the warning colour.</summary>
    public bool Over { get; set; }

    /// <summary>A notice for the presenter alone (a quit that asks for a second Q); empty when none.</summary>
    public string Notice { get; set; } = "";
}
