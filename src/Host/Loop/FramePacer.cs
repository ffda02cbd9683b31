using LvaeLive.Host.Settings;
using LvaeLive.Files.Time;

namespace LvaeLive.Host.Loop;

/// <summary>
/// The live view's clock: wall time, with the frame rate capped (the render loop shares two cores with training, so it
/// must not spin) and measured as a smoothed frames-per-second figure. Time starts at the first frame, so that set-up
/// before the loop is no part of the run.
/// </summary>
internal sealed class FramePacer : IFrameClock
{
    private readonly double _minFrameSeconds;
    private WallClock? _clock;
    // The local time at the first frame: the time of day moves on with the pacer's clock, read once.
    private TimeSpan _startedAtTimeOfDay;
    private double _lastFrame;
    private double _framesPerSecond;

    public FramePacer(double maxFramesPerSecond)
    {
        _minFrameSeconds = 1 / ViewSettings.FpsCap.Checked(maxFramesPerSecond);
    }

    public FrameTime NextFrame()
    {
        if (_clock is null)
        {
            _clock = WallClock.StartNew();
            _startedAtTimeOfDay = WallClock.TimeOfDay;
            _framesPerSecond = 1 / _minFrameSeconds;
            return new FrameTime(TimeSpan.Zero, 0, _framesPerSecond, _startedAtTimeOfDay);
        }
        var wait = _lastFrame + _minFrameSeconds - _clock.Elapsed.TotalSeconds;
        if (wait > 0.001) Thread.Sleep(TimeSpan.FromSeconds(wait));
        var now = _clock.Elapsed;
        var seconds = now.TotalSeconds - _lastFrame;
        _lastFrame = now.TotalSeconds;
        // A time constant of about half a second: steady to read, quick to follow.
        _framesPerSecond += (1 / seconds - _framesPerSecond) * Math.Min(1, seconds * 2);
        return new FrameTime(now, seconds, _framesPerSecond, _startedAtTimeOfDay + now);
    }
}
