using LvaeLive.Model.Time;

namespace LvaeLive.Host.Live;

/// <summary>
/// A clock that passes another's frames on and measures, on the wall, how long each frame took (from one frame's start
/// to the next's): what `bench live` reports. The frames' own times stay the other clock's.
/// </summary>
internal sealed class FrameTimes(IFrameClock clock) : IFrameClock
{
    private WallClock? sinceLast;

    /// <summary>Every frame's wall duration in seconds, oldest first.</summary>
    public List<double> Seconds { get; } = [];

    public FrameTime NextFrame()
    {
        if (sinceLast is null)
        {
            sinceLast = WallClock.StartNew();
        }
        else
        {
            Seconds.Add(sinceLast.Elapsed.TotalSeconds);
            sinceLast.Restart();
        }
        return clock.NextFrame();
    }
}
