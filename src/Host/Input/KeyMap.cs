using LvaeLive.Host.Window;

namespace LvaeLive.Host.Input;

/// <summary>
/// The live view's keys. One table serves the mapping, the help overlay and the footer's hints, so neither can
/// disagree with what the keys do. Layer digits go up to the model's depth (at most 9); a digit beyond it does nothing.
/// </summary>
internal sealed class KeyMap
{
    public const int MaxLayerKeys = 9;

    public KeyMap(int depth)
    {
        if (depth < 1)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "a model has at least one latent layer");
        Groups = Table(Math.Min(depth, MaxLayerKeys));
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

    private static KeyGroup[] Table(int layerKeys) =>
    [
        Group("H / F1", "show or hide this help", ViewAction.ToggleHelp, GlfwKey.H, GlfwKey.F1) with { Hint = "H help" },
        new("Tab / Shift+Tab", "select the next / previous tile",
        [
            new(GlfwKey.Tab, new LiveInput(ViewAction.NextTile), Shift: false),
            new(GlfwKey.Tab, new LiveInput(ViewAction.PreviousTile), Shift: true),
        ], Hint: "Tab tile"),
        new(layerKeys == 1 ? "1" : $"1-{layerKeys}", layerKeys == 1 ? "steer layer 1" : $"steer layer 1 to {layerKeys}",
            Enumerable.Range(1, layerKeys)
                .SelectMany(layer => new KeyBinding[]
                {
                    new(GlfwKey.D0 + layer, LiveInput.ToLayer(layer)),
                    new(GlfwKey.Kp0 + layer, LiveInput.ToLayer(layer)),
                })
                .ToArray(),
            Hint: layerKeys == 1 ? "1 layer" : $"1-{layerKeys} layer"),
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
        Group("F", "freeze or release the layer's animation", ViewAction.ToggleFreeze, GlfwKey.F) with { Hint = "F freeze" },
        Group("+ / = / keypad +", "speed the animation up", ViewAction.SpeedUp, GlfwKey.Equal, GlfwKey.KpAdd),
        Group("- / keypad -", "slow the animation down", ViewAction.SlowDown, GlfwKey.Minus, GlfwKey.KpSubtract),
        Group("Space", "pause or resume the animation", ViewAction.ToggleAnimationPause, GlfwKey.Space) with { Hint = "Space pause" },
        Group("T", "pause or resume training", ViewAction.ToggleTrainingPause, GlfwKey.T) with { Hint = "T training" },
        Group("C", "hide or show the HUD", ViewAction.ToggleHud, GlfwKey.C),
        Group("I", "interpolate between two test digits", ViewAction.Interpolate, GlfwKey.I),
        Group("L", "style swap: top layers of one digit, lower layers of another", ViewAction.StyleSwap, GlfwKey.L),
        Group("R", "start or stop recording", ViewAction.ToggleRecording, GlfwKey.R) with { Hint = "R record" },
        Group("S", "save a screenshot", ViewAction.Screenshot, GlfwKey.S) with { Hint = "S screenshot" },
        Group("Esc / Q", "save a checkpoint and quit", ViewAction.Quit, GlfwKey.Escape, GlfwKey.Q) with { Hint = "Q quit" },
    ];

    private static KeyGroup Group(string keys, string description, ViewAction command, params GlfwKey[] bound) =>
        new(keys, description, bound.Select(key => new KeyBinding(key, new LiveInput(command))).ToArray());
}
