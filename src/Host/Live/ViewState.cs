namespace LvaeLive.Host.Live;

/// <summary>What the grid shows: the animated walk, an interpolation between two test digits, or a style swap.</summary>
internal enum GridMode { Walk, Interpolation, StyleSwap }

/// <summary>
/// The live view's state that the keyboard changes: selected tile and layer, modes and toggles. Every change is
/// described by one line (<see cref="Describe"/>), which the program logs so that tests and users can follow it.
/// </summary>
internal sealed class ViewState
{
    public ViewState(int tiles, int layers)
    {
        Tiles = tiles;
        Layers = layers;
    }

    public int Tiles { get; }
    public int Layers { get; }
    public int SelectedTile { get; private set; }
    /// <summary>The steered layer, 0-based (key 1 selects layer 0 = z_1).</summary>
    public int SelectedLayer { get; private set; }
    public GridMode Mode { get; private set; } = GridMode.Walk;
    /// <summary>Counts entries into interpolation or style swap, so each press shows new digits.</summary>
    public int ModeVariant { get; private set; }
    public bool ShowHelp { get; private set; }
    public bool ShowHud { get; private set; } = true;

    public void MoveSelection(int step) => SelectedTile = ((SelectedTile + step) % Tiles + Tiles) % Tiles;

    /// <summary>Selects a layer by its key (1-based); keys beyond the model's depth are ignored.</summary>
    public bool SelectLayer(int key)
    {
        if (key < 1 || key > Layers) return false;
        SelectedLayer = key - 1;
        return true;
    }

    /// <summary>Enters <paramref name="mode"/> with new digits, or goes back to the walk if already in it.</summary>
    public void ToggleMode(GridMode mode)
    {
        if (Mode == mode)
        {
            Mode = GridMode.Walk;
            return;
        }
        Mode = mode;
        ModeVariant++;
    }

    public void ToggleHelp() => ShowHelp = !ShowHelp;
    public void ToggleHud() => ShowHud = !ShowHud;

    public string Describe() =>
        $"tile={SelectedTile} layer={SelectedLayer + 1} mode={Mode.ToString().ToLowerInvariant()} help={OnOff(ShowHelp)} hud={OnOff(ShowHud)}";

    private static string OnOff(bool value) => value ? "on" : "off";
}
