namespace LvaeLive.Host.Loop;

/// <summary>
/// The frame loop's clock, passed into the loop: everything time-driven in the view asks it, through the frame's
/// <see cref="FrameTime"/> (animation, the trail, the HUD's refresh, notices, recording cadence, the run's time limit,
/// health lines). The live view runs on wall time (<see cref="FramePacer"/>); `lvae record`, `bench live` and tests on
/// a frame clock (<see cref="FrameClock"/>), so that the same seed gives the same frames however long set-up took.
/// </summary>
internal interface IFrameClock
{
    /// <summary>Waits until the next frame is due (wall time) or steps to it (frame time); the first frame is at zero.</summary>
    FrameTime NextFrame();
}

/// <summary>One frame's time on the loop's clock.</summary>
/// <param name="Now">Since the loop's first frame.</param>
/// <param name="Seconds">Since the previous frame (0 for the first): how far the animation moves.</param>
/// <param name="FramesPerSecond">The rate the HUD shows: measured on wall time, nominal on a frame clock.</param>
/// <param name="TimeOfDay">The clock a presenter reads: the local time on wall time; on a frame clock, <paramref name="Now"/>
/// from midnight, so that the same frames show the same time.</param>
internal readonly record struct FrameTime(TimeSpan Now, double Seconds, double FramesPerSecond, TimeSpan TimeOfDay);
