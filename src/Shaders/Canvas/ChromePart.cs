namespace LvaeLive.Shaders.Canvas;

/// <summary>The part of a frame that the session fills around the scene: title, curves, HUD, help, caption and layout.</summary>
public sealed class ChromePart
{
    public string Title { get; set; } = "LvaeLive";

    public IReadOnlyList<CurvePlot> Plots { get; set; } = [];

    /// <summary>Status lines at the top right (step, loss, fps, ...).</summary>
    public IReadOnlyList<string> Hud { get; set; } = [];

    /// <summary>The line at the bottom of the canvas (key hints).</summary>
    public string Footer { get; set; } = "";

    /// <summary>Help overlay lines, drawn over everything when <see cref="ShowHelp"/> is set.</summary>
    public IReadOnlyList<string> Help { get; set; } = [];

    public bool ShowHelp { get; set; }

    /// <summary>A talk step's caption: one or two lines drawn large at the bottom, in the caption band when there is one.</summary>
    public IReadOnlyList<string> Caption { get; set; } = [];

    /// <summary>
    /// The presenting look: only the panels and the caption, without the header (title, HUD) and the footer (key hints,
    /// device): what the audience needs during a talk.
    /// </summary>
    public bool Clean { get; set; }

    /// <summary>The whole canvas one colour, <see cref="BlankColour"/>: the presenter's pause (a recording stays blank too).</summary>
    public bool Blank { get; set; }

    /// <summary>The blank canvas's colour (RGBA8, <see cref="Palette.Rgba"/>): black, or white when the room is lit.</summary>
    public uint BlankColour { get; set; } = Palette.Rgba(0, 0, 0);

    /// <summary>Lines of caption that the layout keeps a band for, across the canvas above the footer (0: no band).</summary>
    public int CaptionLines { get; set; }

    /// <summary>The panels shown; hidden ones give their room to the others.</summary>
    public CanvasPanels Panels { get; set; } = CanvasPanels.All;

    /// <summary>User scale for text and spacing on top of the size-based one, 0.5..3; the layout stops it where the canvas would hold less than 1280x720 at x2.</summary>
    public float UiScale { get; set; } = 1f;
}
