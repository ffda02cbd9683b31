using LvaeLive.Model.Scene;
using LvaeLive.Host.Input;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Tests.Input;

public class KeyMapTests
{
    private readonly KeyMap _map = new(depth: 3);

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
    [InlineData("P", "ToggleExplorerColumns")]
    [InlineData("R", "ToggleRecording")]
    [InlineData("S", "Screenshot")]
    [InlineData("F11", "ToggleFullscreen")]
    [InlineData("Escape", "Quit")]
    [InlineData("Q", "Quit")]
    [InlineData("Tab", "NextTile")]
    public void EachKeyGivesItsCommand(string key, string command)
    {
        Assert.Equal(new LiveInput(Enum.Parse<ViewAction>(command)), _map.Map(Press(Enum.Parse<GlfwKey>(key))));
    }

    [Theory]
    [InlineData("I", GridMode.Interpolation)]
    [InlineData("L", GridMode.StyleSwap)]
    [InlineData("E", GridMode.Explorer)]
    public void EachModeKeyAsksForItsMode(string key, GridMode mode)
    {
        Assert.Equal(LiveInput.ToMode(mode), _map.Map(Press(Enum.Parse<GlfwKey>(key))));
    }

    [Fact]
    public void PlusIsShiftEqualAndWorksWithShiftHeld()
    {
        Assert.Equal(new LiveInput(ViewAction.SpeedUp), _map.Map(Press(GlfwKey.Equal, KeyModifiers.Shift)));
    }

    [Fact]
    public void ShiftIInterpolatesEveryLayer()
    {
        Assert.Equal(LiveInput.ToMode(GridMode.InterpolationAll), _map.Map(Press(GlfwKey.I, KeyModifiers.Shift)));
    }

    [Fact]
    public void ShiftTabSelectsThePreviousTile()
    {
        Assert.Equal(new LiveInput(ViewAction.PreviousTile), _map.Map(Press(GlfwKey.Tab, KeyModifiers.Shift)));
    }

    [Theory]
    [InlineData("Left", -1, 0)]
    [InlineData("Right", 1, 0)]
    [InlineData("Down", 0, -1)]
    [InlineData("Up", 0, 1)]
    public void ArrowsNudgeAlongTheMapAxesAndRepeatWhileHeld(string name, int axis1, int axis2)
    {
        var key = Enum.Parse<GlfwKey>(name);
        var nudge = LiveInput.NudgeBy(axis1, axis2);
        Assert.Equal(nudge, _map.Map(Press(key)));
        Assert.Equal(nudge, _map.Map(new KeyEvent(key, 0, KeyAction.Repeat, KeyModifiers.None)));
    }

    [Fact]
    public void TogglesDoNotRepeatAndReleasesDoNothing()
    {
        Assert.Null(_map.Map(new KeyEvent(GlfwKey.F, 0, KeyAction.Repeat, KeyModifiers.None)));
        Assert.Null(_map.Map(new KeyEvent(GlfwKey.Left, 0, KeyAction.Release, KeyModifiers.None)));
    }

    [Fact]
    public void EveryDigitAsksForItsLayerOnBothKeyboardsSoThatTheViewCanSayWhichLayersExist()
    {
        for (var layer = 1; layer <= 9; layer++)
        {
            Assert.Equal(LiveInput.ToLayer(layer), _map.Map(Press(GlfwKey.D0 + layer)));
            Assert.Equal(LiveInput.ToLayer(layer), _map.Map(Press(GlfwKey.Kp0 + layer)));
        }
        Assert.Null(_map.Map(Press(GlfwKey.D0)));
    }

    [Fact]
    public void ADeepModelGetsNineLayerKeys()
    {
        var deep = new KeyMap(depth: 12);
        Assert.Equal(LiveInput.ToLayer(9), deep.Map(Press(GlfwKey.D9)));
        Assert.Contains(deep.HelpLines, line => line.Keys == "1-9");
    }

    [Fact]
    public void UnboundKeysGiveNothing()
    {
        Assert.Null(_map.Map(Press(GlfwKey.Z)));
        Assert.Null(_map.Map(Press(GlfwKey.Unknown)));
    }

    [Fact]
    public void HelpLinesCoverEveryCommandOncePerLine()
    {
        var bound = Tables.SelectMany(map => map.Groups).SelectMany(g => g.Bindings).Select(b => b.Input.Command).ToHashSet();
        Assert.Equal(Enum.GetValues<ViewAction>().ToHashSet(), bound);
        foreach (var map in Tables)
        {
            var lines = map.HelpLines.ToList();
            Assert.Equal(map.Groups.Count, lines.Count);
            Assert.Equal(lines.Count, map.HelpOverlay.Count);
            Assert.All(lines, line => Assert.False(string.IsNullOrWhiteSpace(line.Keys) || string.IsNullOrWhiteSpace(line.Description)));
        }
        Assert.Contains(_map.HelpLines, line => line.Keys == "1-3" && line.Description.Contains("layer 1 to 3"));
    }

    [Fact]
    public void NoKeyIsBoundTwiceInATable()
    {
        foreach (var map in Tables)
        {
            var keys = map.Groups.SelectMany(g => g.Bindings).Select(b => (b.Key, b.Shift)).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }
    }

    /// <summary>Every table: steering without a talk and with one, and presenting.</summary>
    private static KeyMap[] Tables => [new(3), new(3, KeyProfile.Steering, talk: true), new(3, KeyProfile.Presenting, talk: true)];

    // What a presenter remote sends (Logitech R400, R800: PageDown, PageUp, ".", F5 and Esc), and the keyboard's own.
    [Theory]
    [InlineData("PageDown", "NextStep")]
    [InlineData("Right", "NextStep")]
    [InlineData("Down", "NextStep")]
    [InlineData("Space", "NextStep")]
    [InlineData("N", "NextStep")]
    [InlineData("PageUp", "PreviousStep")]
    [InlineData("Left", "PreviousStep")]
    [InlineData("Up", "PreviousStep")]
    [InlineData("Backspace", "PreviousStep")]
    [InlineData("P", "PreviousStep")]
    [InlineData("Enter", "GoToTypedStep")]
    [InlineData("KpEnter", "GoToTypedStep")]
    [InlineData("Home", "FirstStep")]
    [InlineData("End", "LastStep")]
    [InlineData("F5", "StartTalk")]
    [InlineData("B", "ToggleBlank")]
    [InlineData("Period", "ToggleBlank")]
    [InlineData("W", "ToggleWhite")]
    [InlineData("Comma", "ToggleWhite")]
    [InlineData("Escape", "LeaveFullscreen")]
    [InlineData("Q", "Quit")]
    [InlineData("Tab", "ToggleKeys")]
    [InlineData("H", "ToggleHelp")]
    public void ThePresentingKeysAreASlideToolsKeys(string key, string command)
    {
        var map = new KeyMap(3, KeyProfile.Presenting, talk: true);
        Assert.Equal(new LiveInput(Enum.Parse<ViewAction>(command)), map.Map(Press(Enum.Parse<GlfwKey>(key))));
        // A held key steps once.
        Assert.Null(map.Map(new KeyEvent(Enum.Parse<GlfwKey>(key), 0, KeyAction.Repeat, KeyModifiers.None)));
    }

    [Fact]
    public void ThePresentingKeysTypeStepNumbersAndShiftF5ResumesTheTalk()
    {
        var map = new KeyMap(3, KeyProfile.Presenting, talk: true);
        for (var digit = 0; digit <= 9; digit++)
        {
            Assert.Equal(LiveInput.StepDigit(digit), map.Map(Press(GlfwKey.D0 + digit)));
            Assert.Equal(LiveInput.StepDigit(digit), map.Map(Press(GlfwKey.Kp0 + digit)));
        }
        Assert.Equal(new LiveInput(ViewAction.ResumeTalk), map.Map(Press(GlfwKey.F5, KeyModifiers.Shift)));
    }

    [Fact]
    public void DuringATalkTheSteeringKeysAreTheSameSaveTabWhichLeadsBackToThePresentingKeys()
    {
        var during = new KeyMap(3, KeyProfile.Steering, talk: true);
        foreach (var binding in _map.Groups.SelectMany(g => g.Bindings).Where(b => b.Key != GlfwKey.Tab))
        {
            var key = new KeyEvent(binding.Key, 0, KeyAction.Press, binding.Shift == true ? KeyModifiers.Shift : KeyModifiers.None);
            Assert.Equal(_map.Map(key), during.Map(key));
        }
        Assert.Equal(new LiveInput(ViewAction.ToggleKeys), during.Map(Press(GlfwKey.Tab)));
        Assert.Equal(new LiveInput(ViewAction.PreviousTile), during.Map(Press(GlfwKey.Tab, KeyModifiers.Shift)));
    }

    [Fact]
    public void ATalkOpensOnThePresentingKeysAndTabSwitchesTables()
    {
        var keys = new KeyProfiles(3, talk: true);
        Assert.Equal(KeyProfile.Presenting, keys.Active.Profile);
        Assert.True(keys.Toggle());
        Assert.Equal(KeyProfile.Steering, keys.Active.Profile);
        Assert.Equal(LiveInput.ToLayer(2), keys.Map(Press(GlfwKey.D2)));
        Assert.True(keys.Toggle());
        Assert.Equal(LiveInput.StepDigit(2), keys.Map(Press(GlfwKey.D2)));

        var without = new KeyProfiles(3, talk: false);
        Assert.False(without.Toggle());
        Assert.Equal(new LiveInput(ViewAction.NextTile), without.Map(Press(GlfwKey.Tab)));
    }

    [Fact]
    public void AModelWithoutLayersIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyMap(depth: 0));
    }

    private static KeyEvent Press(GlfwKey key, KeyModifiers modifiers = KeyModifiers.None) =>
        new(key, 0, KeyAction.Press, modifiers);

    [Fact]
    public void TheFooterHintsComeFromTheTableAndNameOnlyTheModelsLayers()
    {
        Assert.Equal("H help   Tab tile   1-3 layer   arrows nudge   T training   E explorer   R record   S screenshot   Q quit",
            new KeyMap(3).FooterHints);
        Assert.Contains("   1 layer   ", new KeyMap(1).FooterHints);
        // Every hinted key is one the help overlay lists.
        var map = new KeyMap(5);
        foreach (var group in map.Groups.Where(g => g.Hint is not null))
            Assert.Contains(map.HelpLines, line => line.Keys == group.Keys);
    }
}
