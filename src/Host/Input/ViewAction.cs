namespace LvaeLive.Host.Input;

/// <summary>What a key asks of the live view.</summary>
internal enum ViewAction
{
    ToggleHelp,
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
    Interpolate,
    InterpolateAllLayers,
    StyleSwap,
    Explore,
    ToggleExplorerColumns,
    NextStep,
    PreviousStep,
    ToggleBlank,
    SaveBookmark,
    RecallBookmark,
    ReleaseHold,
    ToggleRecording,
    Screenshot,
    ToggleFullscreen,
    Quit,
}
