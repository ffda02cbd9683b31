using LvaeLive.Host.Session;
using LvaeLive.Host.Window;
using LvaeLive.Model.Scene;

namespace LvaeLive.Host.Input;

/// <summary>The two tables of keys: steering the latents, or presenting a talk as a slide tool does.</summary>
internal enum KeyProfile { Steering, Presenting }

/// <summary>
/// The live view's keys in one profile. One table serves the mapping, the help overlay and the footer's hints, so
/// neither can disagree with what the keys do. Every layer digit 1-9 is bound, so that the view can say that a layer
/// beyond the model's depth does not exist; the help names the digits up to the depth.
/// </summary>
internal sealed class KeyMap
{
    public const int MaxLayerKeys = 9;

    /// <param name="talk">Whether a talk is loaded: then Tab in the steering table goes back to the presenting keys.</param>
    public KeyMap(int depth, KeyProfile profile = KeyProfile.Steering, bool talk = false)
    {
        if (depth < 1)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "a model has at least one latent layer");
        Profile = profile;
        Groups = profile == KeyProfile.Presenting ? PresentingKeys.Table() : Table(depth, talk);
        var keyWidth = Groups.Max(g => g.Keys.Length) + 2;
        HelpOverlay = Groups.Select(g => g.Keys.PadRight(keyWidth) + g.Description).ToArray();
        FooterHints = string.Join("   ", Groups.Select(g => g.Hint).OfType<string>());
    }

    public KeyProfile Profile { get; }

    public IReadOnlyList<KeyGroup> Groups { get; }

    /// <summary>The help overlay's lines: keys, then what they do.</summary>
    public IEnumerable<(string Keys, string Description)> HelpLines => Groups.Select(g => (g.Keys, g.Description));

    /// <summary>The help overlay as drawn: the keys in a column, then what they do.</summary>
    public IReadOnlyList<string> HelpOverlay { get; }

    /// <summary>The footer's line: the hints of the most used keys.</summary>
    public string FooterHints { get; }

    /// <summary>The command a key event asks for, or null for releases, unbound keys and repeats of keys that do not repeat.</summary>
    public LiveInput? Map(KeyEvent key)
    {
        if (key.Action == KeyAction.Release)
            return null;
        var shift = key.Modifiers.HasFlag(KeyModifiers.Shift);
        foreach (var group in Groups)
            foreach (var binding in group.Bindings)
                if (binding.Key == key.Key && (binding.Shift is null || binding.Shift == shift))
                    return key.Action == KeyAction.Repeat && !binding.Repeats ? null : binding.Input;
        return null;
    }

    private static KeyGroup[] Table(int depth, bool talk) =>
    [
        KeyGroup.Of("H / F1", "show or hide this help", ViewAction.ToggleHelp, GlfwKey.H, GlfwKey.F1) with { Hint = "H help" },
        // During a talk Tab must lead back to the presenting keys, so only Shift+Tab (and a click) selects a tile here.
        talk
            ? new("Tab / Shift+Tab", "back to the presenting keys / select the previous tile",
            [
                new(GlfwKey.Tab, new LiveInput(ViewAction.ToggleKeys), Shift: false),
                new(GlfwKey.Tab, new LiveInput(ViewAction.PreviousTile), Shift: true),
            ], Hint: "Tab present")
            : new("Tab / Shift+Tab", "select the next / previous tile",
            [
                new(GlfwKey.Tab, new LiveInput(ViewAction.NextTile), Shift: false),
                new(GlfwKey.Tab, new LiveInput(ViewAction.PreviousTile), Shift: true),
            ], Hint: "Tab tile"),
        new(LayerKeys(depth), depth == 1 ? "steer layer 1" : $"steer layer 1 to {Math.Min(depth, MaxLayerKeys)}",
            Enumerable.Range(1, MaxLayerKeys)
                .SelectMany(layer => new KeyBinding[]
                {
                    new(GlfwKey.D0 + layer, LiveInput.ToLayer(layer)),
                    new(GlfwKey.Kp0 + layer, LiveInput.ToLayer(layer)),
                })
                .ToArray(),
            Hint: $"{LayerKeys(depth)} layer"),
        new("Left / Right", "nudge the tile's latent along map axis 1",
        [
            new(GlfwKey.Left, LiveInput.NudgeBy(-1, 0), Repeats: true),
            new(GlfwKey.Right, LiveInput.NudgeBy(+1, 0), Repeats: true),
        ], Hint: "arrows nudge"),
        new("Down / Up", "nudge the tile's latent along map axis 2",
        [
            new(GlfwKey.Down, LiveInput.NudgeBy(0, -1), Repeats: true),
            new(GlfwKey.Up, LiveInput.NudgeBy(0, +1), Repeats: true),
        ]),
        KeyGroup.Of("F", "freeze or release the layer's animation", ViewAction.ToggleFreeze, GlfwKey.F),
        KeyGroup.Of("+ / = / keypad +", "speed the animation up", ViewAction.SpeedUp, GlfwKey.Equal, GlfwKey.KpAdd),
        KeyGroup.Of("- / keypad -", "slow the animation down", ViewAction.SlowDown, GlfwKey.Minus, GlfwKey.KpSubtract),
        KeyGroup.Of("Space", "pause or resume the animation", ViewAction.ToggleAnimationPause, GlfwKey.Space),
        KeyGroup.Of("T", "pause or resume training", ViewAction.ToggleTrainingPause, GlfwKey.T) with { Hint = "T training" },
        KeyGroup.Of("C", "the presenting look: panels and caption alone (again: title, HUD, hints)", ViewAction.ToggleHud, GlfwKey.C),
        new("I / Shift+I", "interpolate two test digits: the layer alone / every layer",
        [
            new(GlfwKey.I, LiveInput.ToMode(GridMode.Interpolation), Shift: false),
            new(GlfwKey.I, LiveInput.ToMode(GridMode.InterpolationAll), Shift: true),
        ]),
        new("L", "style swap: upper layers of one digit, lower layers of another", [new(GlfwKey.L, LiveInput.ToMode(GridMode.StyleSwap))]),
        new("E", "layer explorer: each row varies one layer alone", [new(GlfwKey.E, LiveInput.ToMode(GridMode.Explorer))], Hint: "E explorer"),
        KeyGroup.Of("P", "explorer columns: redraws / steps along PC1", ViewAction.ToggleExplorerColumns, GlfwKey.P),
        KeyGroup.Of("PageDown", "talk: next step (what presenter remotes send)", ViewAction.NextStep, GlfwKey.PageDown),
        KeyGroup.Of("PageUp", "talk: previous step", ViewAction.PreviousStep, GlfwKey.PageUp),
        KeyGroup.Of("B / .", "blank the screen to black, and back", ViewAction.ToggleBlank, GlfwKey.B, GlfwKey.Period),
        KeyGroup.Of("M", "bookmark the selected point (every layer's noise) in the run", ViewAction.SaveBookmark, GlfwKey.M),
        KeyGroup.Of("G", "go to the next bookmark with the selected tile", ViewAction.RecallBookmark, GlfwKey.G),
        KeyGroup.Of("U", "release the held tile (a talk's point, a drag, a loaded digit): it walks on", ViewAction.ReleaseHold, GlfwKey.U),
        KeyGroup.Of("R", "start or stop recording", ViewAction.ToggleRecording, GlfwKey.R) with { Hint = "R record" },
        KeyGroup.Of("S", "save a screenshot", ViewAction.Screenshot, GlfwKey.S) with { Hint = "S screenshot" },
        KeyGroup.Of("F11", "fullscreen or back to the window", ViewAction.ToggleFullscreen, GlfwKey.F11),
        KeyGroup.Of("Esc / Q", talk ? $"save a checkpoint and quit ({QuitConfirmation.Help}: a talk is on)" : "save a checkpoint and quit", ViewAction.Quit, GlfwKey.Escape, GlfwKey.Q) with { Hint = "Q quit" },
        // The mouse (PointerControl) has no bindings here: these lines only put it in the help overlay.
        new("click", "a tile: select it (explorer: its row's layer); a map point: load that digit and hold it", []),
        new("drag on the map", "move the selected tile's marker in the shown layer, and hold it there", []),
        new("wheel", "speed the animation up or down", []),
    ];

    private static string LayerKeys(int depth) => depth == 1 ? "1" : $"1-{Math.Min(depth, MaxLayerKeys)}";
}
