namespace LvaeLive.Host.Recording;

/// <summary>
/// How the recorder runs. <see cref="SubmitWait"/> is the queue policy: when the encoder falls behind and the queue is
/// full, Submit waits at most this long for room, then drops the frame and counts it. The live view keeps the default,
/// zero (a dropped frame costs less than a stalled render loop); `lvae record` wants every frame and waits longer.
/// </summary>
internal sealed record RecorderOptions
{
    public const string DefaultFolder = "recordings";

    /// <summary>The ffmpeg executable, a name looked up on PATH or a path; when it cannot start, PNG files are written instead.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable, which reads each finished video back before it gets its final name.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>Frames waiting for the encoder; each holds one full RGBA frame of memory.</summary>
    public int QueueCapacity { get; init; } = 8;

    public TimeSpan SubmitWait { get; init; } = TimeSpan.Zero;

    /// <summary>True when a dropped frame spoils the recording (`lvae record`): it then fails rather than finish without it.</summary>
    public bool EveryFrame { get; init; }

    /// <summary>ffmpeg's encoder and filter threads: few, so that on 2 cores the render loop and training keep theirs.</summary>
    public int EncoderThreads { get; init; } = 1;

    /// <summary>How long ffmpeg may take to finish the file once the last frame is in, before it is stopped.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
