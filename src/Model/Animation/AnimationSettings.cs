namespace LvaeLive.Model.Animation;

/// <summary>
/// The animation's settings, declared once: the clock and the scene apply them, and whatever sets them from outside
/// (a talk file's keys) is checked against the same ranges, so that a value is refused where it is given rather than
/// changed silently where it is used.
/// </summary>
public static class AnimationSettings
{
    /// <summary>How fast the latent paths run; the keys double and halve it within the range.</summary>
    public static readonly SettingRange<double> Speed = new(Default: 1, Min: 1.0 / 16, Max: 16);

    /// <summary>The scale of the walk's prior noise: 1 is the prior itself, 0 its mean.</summary>
    public static readonly SettingRange<float> Temperature = new(Default: 1, Min: 0, Max: 16);
}
