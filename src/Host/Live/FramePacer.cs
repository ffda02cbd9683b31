using LvaeLive.Host.Settings;
using LvaeLive.Model.Time;

namespace LvaeLive.Host.Live;

/// <summary>
/// The live view's clock: wall time, with the frame rate capped (the render loop shares two cores with training, so it
/// must not spin) and measured as a smoothed frames-per-second figure. Time starts at the first frame, so that set-up
/// before the loop is no part of the run.
/// </summary>
internal sealed class FramePacer : IFrameClock
{
    private readonly double minFrameSeconds;
    private WallClock? clock;
    private double lastFrame;
    private double framesPerSecond;

    public FramePacer(double maxFramesPerSecond)
    {
        minFrameSeconds = 1 / ViewSettings.FpsCap.Checked(maxFramesPerSecond);
    }

    public FrameTime NextFrame()
    {
        if (clock is null)
        {
            clock = WallClock.StartNew();
            framesPerSecond = 1 / minFrameSeconds;
            return new FrameTime(TimeSpan.Zero, 0, framesPerSecond);
        }
        var wait = lastFrame + minFrameSeconds - clock.Elapsed.TotalSeconds;
        if (wait > 0.001) Thread.Sleep(TimeSpan.FromSeconds(wait));
        var now = clock.Elapsed;
        var seconds = now.TotalSeconds - lastFrame;
        lastFrame = now.TotalSeconds;
        // A time constant of about half a second: steady to read, quick to follow.
        framesPerSecond += (1 / seconds - framesPerSecond) * Math.Min(1, seconds * 2);
        return new FrameTime(now, seconds, framesPerSecond);
    }
}
