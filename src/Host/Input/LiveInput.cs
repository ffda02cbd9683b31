using LvaeLive.Model.Scene;

namespace LvaeLive.Host.Input;

/// <summary>
/// A command with its parameters: <see cref="Layer"/> (1-based) for <see cref="ViewAction.SelectLayer"/>; for
/// <see cref="ViewAction.Nudge"/>, one step of -1, 0 or +1 along each of the map's two axes; <see cref="Digit"/> (0-9)
/// for <see cref="ViewAction.TypeStepDigit"/>; <see cref="Mode"/> for <see cref="ViewAction.ToggleMode"/>.
/// </summary>
internal readonly record struct LiveInput(ViewAction Command, int Layer = 0, int Axis1 = 0, int Axis2 = 0, int Digit = 0, GridMode Mode = default)
{
    public static LiveInput ToLayer(int layer) => new(ViewAction.SelectLayer, Layer: layer);

    public static LiveInput NudgeBy(int axis1, int axis2) => new(ViewAction.Nudge, Axis1: axis1, Axis2: axis2);

    public static LiveInput StepDigit(int digit) => new(ViewAction.TypeStepDigit, Digit: digit);

    public static LiveInput ToMode(GridMode mode) => new(ViewAction.ToggleMode, Mode: mode);
}
