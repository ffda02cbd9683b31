using LvaeLive.Host.Input;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Tests.Input;

public class KeyMapTests
{
    private readonly KeyMap map = new(depth: 3);

    // Names, not enum values: the key and command enums are internal to the program, and test methods must be public.
    [Theory]
    [InlineData("H", "ToggleHelp")]
    [InlineData("F1", "ToggleHelp")]
    [InlineData("F", "ToggleFreeze")]
    [InlineData("Equal", "SpeedUp")]
    [InlineData("KpAdd", "SpeedUp")]
    [InlineData("Minus", "SlowDown")]
    [InlineData("KpSubtract", "SlowDown")]
    [InlineData("Space", "ToggleAnimationPause")]
    [InlineData("T", "ToggleTrainingPause")]
    [InlineData("C", "ToggleHud")]
    [InlineData("I", "Interpolate")]
    [InlineData("L", "StyleSwap")]
    [InlineData("R", "ToggleRecording")]
    [InlineData("S", "Screenshot")]
    [InlineData("Escape", "Quit")]
    [InlineData("Q", "Quit")]
    [InlineData("Tab", "NextTile")]
    public void Each_key_gives_its_command(string key, string command)
    {
        Assert.Equal(new LiveInput(Enum.Parse<LiveCommand>(command)), map.Map(Press(Enum.Parse<GlfwKey>(key))));
    }

    [Fact]
    public void Plus_is_shift_equal_and_works_with_shift_held()
    {
        Assert.Equal(new LiveInput(LiveCommand.SpeedUp), map.Map(Press(GlfwKey.Equal, KeyModifiers.Shift)));
    }

    [Fact]
    public void Shift_tab_selects_the_previous_tile()
    {
        Assert.Equal(new LiveInput(LiveCommand.PreviousTile), map.Map(Press(GlfwKey.Tab, KeyModifiers.Shift)));
    }

    [Theory]
    [InlineData("Left", -1, 0)]
    [InlineData("Right", 1, 0)]
    [InlineData("Down", 0, -1)]
    [InlineData("Up", 0, 1)]
    public void Arrows_nudge_along_the_map_axes_and_repeat_while_held(string name, int axis1, int axis2)
    {
        var key = Enum.Parse<GlfwKey>(name);
        var nudge = LiveInput.NudgeBy(axis1, axis2);
        Assert.Equal(nudge, map.Map(Press(key)));
        Assert.Equal(nudge, map.Map(new KeyEvent(key, 0, KeyAction.Repeat, KeyModifiers.None)));
    }

    [Fact]
    public void Toggles_do_not_repeat_and_releases_do_nothing()
    {
        Assert.Null(map.Map(new KeyEvent(GlfwKey.F, 0, KeyAction.Repeat, KeyModifiers.None)));
        Assert.Null(map.Map(new KeyEvent(GlfwKey.Left, 0, KeyAction.Release, KeyModifiers.None)));
    }

    [Fact]
    public void Digits_select_layers_up_to_the_depth_on_both_keyboards()
    {
        for (var layer = 1; layer <= 3; layer++)
        {
            Assert.Equal(LiveInput.ToLayer(layer), map.Map(Press(GlfwKey.D0 + layer)));
            Assert.Equal(LiveInput.ToLayer(layer), map.Map(Press(GlfwKey.Kp0 + layer)));
        }
        Assert.Null(map.Map(Press(GlfwKey.D4)));
        Assert.Null(map.Map(Press(GlfwKey.Kp9)));
        Assert.Null(map.Map(Press(GlfwKey.D0)));
    }

    [Fact]
    public void A_deep_model_gets_nine_layer_keys()
    {
        var deep = new KeyMap(depth: 12);
        Assert.Equal(LiveInput.ToLayer(9), deep.Map(Press(GlfwKey.D9)));
        Assert.Contains(deep.HelpLines, line => line.Keys == "1-9");
    }

    [Fact]
    public void Unbound_keys_give_nothing()
    {
        Assert.Null(map.Map(Press(GlfwKey.Z)));
        Assert.Null(map.Map(Press(GlfwKey.Unknown)));
    }

    [Fact]
    public void Help_lines_cover_every_command_once_per_line()
    {
        var bound = map.Groups.SelectMany(g => g.Bindings).Select(b => b.Input.Command).ToHashSet();
        Assert.Equal(Enum.GetValues<LiveCommand>().ToHashSet(), bound);
        var lines = map.HelpLines.ToList();
        Assert.Equal(map.Groups.Count, lines.Count);
        Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line.Keys) || string.IsNullOrWhiteSpace(line.Description)));
        Assert.Contains(lines, line => line.Keys == "1-3" && line.Description.Contains("layer 1 to 3"));
    }

    [Fact]
    public void No_key_is_bound_twice()
    {
        var keys = map.Groups.SelectMany(g => g.Bindings).Select(b => (b.Key, b.Shift)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void A_model_without_layers_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyMap(depth: 0));
    }

    private static KeyEvent Press(GlfwKey key, KeyModifiers modifiers = KeyModifiers.None) =>
        new(key, 0, KeyAction.Press, modifiers);
}
