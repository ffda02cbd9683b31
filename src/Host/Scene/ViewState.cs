using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Scene;

/// <summary>The screen blanked, as a presenter pauses: black, or white for a lit room.</summary>
internal enum BlankScreen { Off, Black, White }

/// <summary>
/// What the keyboard changes around the scene: help, HUD, the panels shown and the blank screen. With the scene's
/// selection it is described by one line (<see cref="Describe"/>), which the program logs so that tests and users can
/// follow every change.
/// </summary>
internal sealed class ViewState
{
    /// <summary>How the panels open; a talk's steps fall back to this until one sets them.</summary>
    public const CanvasPanels InitialPanels = CanvasPanels.All;

    public bool ShowHelp { get; private set; }
    /// <summary>The header and footer (title, HUD, key hints, device); off, the presenting look: panels and caption alone.</summary>
    public bool ShowHud { get; set; } = true;
    /// <summary>The panels shown (a talk may hide some).</summary>
    public CanvasPanels Panels { get; set; } = InitialPanels;
    /// <summary>The screen is blank (a presenter's pause); everything goes on behind it.</summary>
    public BlankScreen Blank { get; private set; }

    public void ToggleHelp() => ShowHelp = !ShowHelp;
    public void ToggleHud() => ShowHud = !ShowHud;
    /// <summary>Blanks the screen to <paramref name="colour"/>; the same colour again shows the view (another changes the colour).</summary>
    public void ToggleBlank(BlankScreen colour) => Blank = Blank == colour ? BlankScreen.Off : colour;

    public string Describe(LatentScene scene) =>
        $"tile={scene.SelectedTile} layer={scene.SelectedLayer + 1} mode={GridModes.Name(scene.Mode)} help={OnOff(ShowHelp)} hud={OnOff(ShowHud)} " +
        $"explorer={(scene.ExplorerColumns == ExplorerColumns.Redraws ? "redraws" : "axis")} blank={Blank.ToString().ToLowerInvariant()}";

    private static string OnOff(bool value) => value ? "on" : "off";
}
