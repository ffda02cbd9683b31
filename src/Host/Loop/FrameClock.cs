namespace LvaeLive.Host.Loop;

/// <summary>
/// Frame time: frame n is at n / fps seconds, whatever the machine's speed, and the loop never waits. For `lvae
/// record`, `bench live` and tests.
/// </summary>
internal sealed class FrameClock : IFrameClock
{
    private readonly int _framesPerSecond;
    private long _frame = -1;

    public FrameClock(int framesPerSecond)
    {
        if (framesPerSecond < 1) throw new ArgumentException($"a frame clock needs at least 1 frame per second (got {framesPerSecond})");
        _framesPerSecond = framesPerSecond;
    }

    public FrameTime NextFrame()
    {
        _frame++;
        var now = At(_frame);
        return new FrameTime(now, _frame == 0 ? 0 : 1.0 / _framesPerSecond, _framesPerSecond, TimeOfDay: now);
    }

    /// <summary>Rounded up to a whole tick, so that time x fps is never short of n: the recording counts frames due from it.</summary>
    private TimeSpan At(long n) => TimeSpan.FromTicks((n * TimeSpan.TicksPerSecond + _framesPerSecond - 1) / _framesPerSecond);
}
