using System.Diagnostics;

namespace LvaeLive.Host.Live;

/// <summary>
/// Caps the frame rate (the render loop shares two cores with training, so it must not spin) and measures it: each
/// frame reports the seconds since the last one, for animation in wall time, and a smoothed frames-per-second figure.
/// </summary>
internal sealed class FramePacer
{
    private readonly double minFrameSeconds;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private double lastFrame;

    public FramePacer(double maxFramesPerSecond)
    {
        if (!(maxFramesPerSecond > 0)) throw new ArgumentException($"--fps-cap is {maxFramesPerSecond}; it must be a positive number of frames per second");
        minFrameSeconds = 1 / maxFramesPerSecond;
    }

    public double FramesPerSecond { get; private set; }

    /// <summary>Every frame's duration in seconds, when asked for (benchmarks), else null.</summary>
    public List<double>? FrameSeconds { get; init; }

    /// <summary>Waits until the next frame is due; returns the seconds since the previous frame.</summary>
    public double NextFrame()
    {
        var wait = lastFrame + minFrameSeconds - clock.Elapsed.TotalSeconds;
        if (wait > 0.001) Thread.Sleep(TimeSpan.FromSeconds(wait));
        var now = clock.Elapsed.TotalSeconds;
        var seconds = lastFrame == 0 ? minFrameSeconds : now - lastFrame;
        lastFrame = now;
        FrameSeconds?.Add(seconds);
        // A time constant of about half a second: steady to read, quick to follow.
        FramesPerSecond = FramesPerSecond == 0 ? 1 / seconds : FramesPerSecond + (1 / seconds - FramesPerSecond) * Math.Min(1, seconds * 2);
        return seconds;
    }
}
