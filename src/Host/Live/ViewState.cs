using LvaeLive.Model.Hierarchy;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// What the grid shows: the animated walk, an interpolation between two test digits (of the selected layer, or of
/// every layer), a style swap, or the layer explorer.
/// </summary>
internal enum GridMode { Walk, Interpolation, InterpolationAll, StyleSwap, Explorer }

/// <summary>
/// The live view's state that the keyboard changes: selected tile and layer, modes and toggles. Every change is
/// described by one line (<see cref="Describe"/>), which the program logs so that tests and users can follow it.
/// </summary>
internal sealed class ViewState
{
    // How the view opens; a talk's steps fall back to these until one sets them.
    public const int InitialTile = 0, InitialLayer = 0;
    public const GridMode InitialMode = GridMode.Walk;
    public const ExplorerColumns InitialColumns = ExplorerColumns.Redraws;
    public const CanvasPanels InitialPanels = CanvasPanels.All;

    public ViewState(int tiles, int layers)
    {
        Tiles = tiles;
        Layers = layers;
    }

    public int Tiles { get; }
    public int Layers { get; }
    public int SelectedTile { get; private set; } = InitialTile;
    /// <summary>The steered layer, 0-based (key 1 selects layer 0 = z_1).</summary>
    public int SelectedLayer { get; private set; } = InitialLayer;
    public GridMode Mode { get; private set; } = InitialMode;
    /// <summary>Counts entries into interpolation, style swap and the explorer, so each press shows new digits.</summary>
    public int ModeVariant { get; private set; }
    public ExplorerColumns ExplorerColumns { get; private set; } = InitialColumns;
    public bool ShowHelp { get; private set; }
    public bool ShowHud { get; private set; } = true;
    /// <summary>The panels shown (a talk may hide some).</summary>
    public CanvasPanels Panels { get; set; } = InitialPanels;
    /// <summary>The screen is black (a presenter's pause); everything goes on behind it.</summary>
    public bool Blank { get; private set; }

    public void MoveSelection(int step) => SelectedTile = ((SelectedTile + step) % Tiles + Tiles) % Tiles;

    /// <summary>Selects a layer by its key (1-based); keys beyond the model's depth are ignored.</summary>
    public bool SelectLayer(int key)
    {
        if (key < 1 || key > Layers) return false;
        SelectedLayer = key - 1;
        return true;
    }

    /// <summary>
    /// Enters <paramref name="mode"/> with new digits, or goes back to the walk if already in it. Going between the
    /// two interpolations keeps their digits, so that one layer's walk and every layer's compare.
    /// </summary>
    public void ToggleMode(GridMode mode)
    {
        if (Mode == mode)
        {
            Mode = GridMode.Walk;
            return;
        }
        var sameDigits = IsInterpolation(Mode) && IsInterpolation(mode);
        Mode = mode;
        if (!sameDigits) ModeVariant++;
    }

    public void ToggleExplorerColumns() =>
        ExplorerColumns = ExplorerColumns == ExplorerColumns.Redraws ? ExplorerColumns.PrincipalAxis : ExplorerColumns.Redraws;

    public void ToggleHelp() => ShowHelp = !ShowHelp;
    public void ToggleHud() => ShowHud = !ShowHud;
    public void ToggleBlank() => Blank = !Blank;

    public string Describe() =>
        $"tile={SelectedTile} layer={SelectedLayer + 1} mode={ModeName(Mode)} help={OnOff(ShowHelp)} hud={OnOff(ShowHud)} " +
        $"explorer={(ExplorerColumns == ExplorerColumns.Redraws ? "redraws" : "axis")} blank={OnOff(Blank)}";

    /// <summary>The mode's name in state lines and on the command line (lvae record --mode).</summary>
    public static string ModeName(GridMode mode) => mode switch
    {
        GridMode.InterpolationAll => "interpolation-all",
        GridMode.StyleSwap => "style-swap",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static bool IsInterpolation(GridMode mode) => mode is GridMode.Interpolation or GridMode.InterpolationAll;

    private static string OnOff(bool value) => value ? "on" : "off";
}
