namespace LvaeLive.Host.Input;

/// <summary>What a key asks of the live view.</summary>
internal enum ViewAction
{
    ToggleHelp,
    /// <summary>Between the presenting and the steering keys, while a talk is loaded.</summary>
    ToggleKeys,
    NextTile,
    PreviousTile,
    SelectLayer,
    Nudge,
    ToggleFreeze,
    SpeedUp,
    SlowDown,
    ToggleAnimationPause,
    ToggleTrainingPause,
    ToggleHud,
    /// <summary>Enter a grid mode (<see cref="LiveInput.Mode"/>), or go back to the walk from it.</summary>
    ToggleMode,
    ToggleExplorerColumns,
    NextStep,
    PreviousStep,
    FirstStep,
    LastStep,
    /// <summary>One digit of a step's number, typed before Enter.</summary>
    TypeStepDigit,
    /// <summary>Enter: the step typed, or the next one when none was.</summary>
    GoToTypedStep,
    /// <summary>F5: the talk again from step 1, moving on by itself where it does.</summary>
    StartTalk,
    /// <summary>Shift+F5: the talk on from the step shown, moving on by itself where it does.</summary>
    ResumeTalk,
    ToggleBlank,
    ToggleWhite,
    SaveBookmark,
    RecallBookmark,
    ReleaseHold,
    ToggleRecording,
    Screenshot,
    ToggleFullscreen,
    LeaveFullscreen,
    Quit,
}
