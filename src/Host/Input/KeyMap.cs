using LvaeLive.Host.Window;

namespace LvaeLive.Host.Input;

/// <summary>
/// The live view's keys. One table serves the mapping, the help overlay and the footer's hints, so neither can
/// disagree with what the keys do. Every layer digit 1-9 is bound, so that the view can say that a layer beyond the
/// model's depth does not exist; the help names the digits up to the depth.
/// </summary>
internal sealed class KeyMap
{
    public const int MaxLayerKeys = 9;

    public KeyMap(int depth)
    {
        if (depth < 1)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "a model has at least one latent layer");
        Groups = Table(depth);
    }

    public IReadOnlyList<KeyGroup> Groups { get; }

    /// <summary>The help overlay's lines: keys, then what they do.</summary>
    public IEnumerable<(string Keys, string Description)> HelpLines => Groups.Select(g => (g.Keys, g.Description));

    /// <summary>The footer's line: the hints of the most used keys.</summary>
    public string FooterHints => string.Join("   ", Groups.Select(g => g.Hint).OfType<string>());

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

    private static KeyGroup[] Table(int depth) =>
    [
        Group("H / F1", "show or hide this help", ViewAction.ToggleHelp, GlfwKey.H, GlfwKey.F1) with { Hint = "H help" },
        new("Tab / Shift+Tab", "select the next / previous tile",
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
        Group("F", "freeze or release the layer's animation", ViewAction.ToggleFreeze, GlfwKey.F),
        Group("+ / = / keypad +", "speed the animation up", ViewAction.SpeedUp, GlfwKey.Equal, GlfwKey.KpAdd),
        Group("- / keypad -", "slow the animation down", ViewAction.SlowDown, GlfwKey.Minus, GlfwKey.KpSubtract),
        Group("Space", "pause or resume the animation", ViewAction.ToggleAnimationPause, GlfwKey.Space),
        Group("T", "pause or resume training", ViewAction.ToggleTrainingPause, GlfwKey.T) with { Hint = "T training" },
        Group("C", "the presenting look: panels and caption alone (again: title, HUD, hints)", ViewAction.ToggleHud, GlfwKey.C),
        new("I / Shift+I", "interpolate two test digits: the layer alone / every layer",
        [
            new(GlfwKey.I, new LiveInput(ViewAction.Interpolate), Shift: false),
            new(GlfwKey.I, new LiveInput(ViewAction.InterpolateAllLayers), Shift: true),
        ]),
        Group("L", "style swap: upper layers of one digit, lower layers of another", ViewAction.StyleSwap, GlfwKey.L),
        Group("E", "layer explorer: each row varies one layer alone", ViewAction.Explore, GlfwKey.E) with { Hint = "E explorer" },
        Group("P", "explorer columns: redraws / steps along PC1", ViewAction.ToggleExplorerColumns, GlfwKey.P),
        Group("PageDown", "talk: next step (what presenter remotes send)", ViewAction.NextStep, GlfwKey.PageDown),
        Group("PageUp", "talk: previous step", ViewAction.PreviousStep, GlfwKey.PageUp),
        Group("B / .", "blank the screen to black, and back", ViewAction.ToggleBlank, GlfwKey.B, GlfwKey.Period),
        Group("M", "bookmark the selected point (every layer's noise) in the run", ViewAction.SaveBookmark, GlfwKey.M),
        Group("G", "go to the next bookmark with the selected tile", ViewAction.RecallBookmark, GlfwKey.G),
        Group("U", "release the held tile (a talk's point, a drag, a loaded digit): it walks on", ViewAction.ReleaseHold, GlfwKey.U),
        Group("R", "start or stop recording", ViewAction.ToggleRecording, GlfwKey.R) with { Hint = "R record" },
        Group("S", "save a screenshot", ViewAction.Screenshot, GlfwKey.S) with { Hint = "S screenshot" },
        Group("F11", "fullscreen or back to the window", ViewAction.ToggleFullscreen, GlfwKey.F11),
        Group("Esc / Q", "save a checkpoint and quit", ViewAction.Quit, GlfwKey.Escape, GlfwKey.Q) with { Hint = "Q quit" },
        // The mouse (PointerControl) has no bindings here: these lines only put it in the help overlay.
        new("click", "a tile: select it (explorer: its row's layer); a map point: load that digit and hold it", []),
        new("drag on the map", "move the selected tile's marker in the shown layer, and hold it there", []),
        new("wheel", "speed the animation up or down", []),
    ];

    private static string LayerKeys(int depth) => depth == 1 ? "1" : $"1-{Math.Min(depth, MaxLayerKeys)}";

    private static KeyGroup Group(string keys, string description, ViewAction command, params GlfwKey[] bound) =>
        new(keys, description, bound.Select(key => new KeyBinding(key, new LiveInput(command))).ToArray());
}
