using LvaeLive.Files.Time;

namespace LvaeLive.Host.Loop;

/// <summary>
/// A clock that passes another's frames on and measures, on the wall, how long each frame took (from one frame's start
/// to the next's): what `bench live` reports. The frames' own times stay the other clock's.
/// </summary>
internal sealed class FrameTimes(IFrameClock clock) : IFrameClock
{
    private WallClock? _sinceLast;

    /// <summary>Every frame's wall duration in seconds, oldest first.</summary>
    public List<double> Seconds { get; } = [];

    public FrameTime NextFrame()
    {
        if (_sinceLast is null)
        {
            _sinceLast = WallClock.StartNew();
        }
        else
        {
            Seconds.Add(_sinceLast.Elapsed.TotalSeconds);
            _sinceLast.Restart();
        }
        return clock.NextFrame();
    }
}
