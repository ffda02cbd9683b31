using LvaeLive.Host.Session;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Input;

/// <summary>
/// The keys of a talk, as a slide tool has them: what presenter remotes send (Logitech R400 / R800: PageDown, PageUp,
/// "." and a start button that sends F5 and Esc by turns) steps, blanks and starts the talk, and no single key ends
/// the show. Digits type a step's number, free here because this table steers no layer.
/// </summary>
internal static class PresentingKeys
{
    public static KeyGroup[] Table() =>
    [
        KeyGroup.Of("H / F1", "show or hide this help", ViewAction.ToggleHelp, GlfwKey.H, GlfwKey.F1) with { Hint = "H help" },
        new("Tab", "the steering keys (Tab there: back to these)", [new(GlfwKey.Tab, new LiveInput(ViewAction.ToggleKeys))], Hint: "Tab steer"),
        KeyGroup.Of("PageDown / Right / Down / Space / N", "next step", ViewAction.NextStep,
            GlfwKey.PageDown, GlfwKey.Right, GlfwKey.Down, GlfwKey.Space, GlfwKey.N) with { Hint = "PageDown next" },
        KeyGroup.Of("PageUp / Left / Up / Backspace / P", "previous step", ViewAction.PreviousStep,
            GlfwKey.PageUp, GlfwKey.Left, GlfwKey.Up, GlfwKey.Backspace, GlfwKey.P) with { Hint = "PageUp back" },
        new("number, Enter", "go to that step (Enter alone: the next)",
        [
            .. Enumerable.Range(0, 10).SelectMany(digit => new KeyBinding[]
            {
                new(GlfwKey.D0 + digit, LiveInput.StepDigit(digit)),
                new(GlfwKey.Kp0 + digit, LiveInput.StepDigit(digit)),
            }),
            new(GlfwKey.Enter, new LiveInput(ViewAction.GoToTypedStep)),
            new(GlfwKey.KpEnter, new LiveInput(ViewAction.GoToTypedStep)),
        ]),
        new("Home / End", "first / last step",
        [
            new(GlfwKey.Home, new LiveInput(ViewAction.FirstStep)),
            new(GlfwKey.End, new LiveInput(ViewAction.LastStep)),
        ]),
        new("F5 / Shift+F5", "start the talk from step 1 / go on from this step (and its auto-advance)",
        [
            new(GlfwKey.F5, new LiveInput(ViewAction.StartTalk), Shift: false),
            new(GlfwKey.F5, new LiveInput(ViewAction.ResumeTalk), Shift: true),
        ], Hint: "F5 start"),
        KeyGroup.Of("B / .", "blank the screen to black, and back", ViewAction.ToggleBlank, GlfwKey.B, GlfwKey.Period) with { Hint = "B black" },
        KeyGroup.Of("W / ,", "blank the screen to white, and back", ViewAction.ToggleWhite, GlfwKey.W, GlfwKey.Comma),
        KeyGroup.Of("F11", "fullscreen or back to the window", ViewAction.ToggleFullscreen, GlfwKey.F11),
        KeyGroup.Of("Esc", "leave fullscreen (it never ends the talk)", ViewAction.LeaveFullscreen, GlfwKey.Escape),
        KeyGroup.Of("Q", $"save a checkpoint and quit (Q {QuitConfirmation.Help})", ViewAction.Quit, GlfwKey.Q) with { Hint = "Q Q quit" },
        // The mouse has no bindings here: this line only puts it in the help overlay (the session turns a click into NextStep).
        new("click", "anywhere: the next step", []),
    ];
}
