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

    /// <summary>Frames waiting for the encoder; each holds one full RGBA frame of memory.</summary>
    public int QueueCapacity { get; init; } = 8;

    public TimeSpan SubmitWait { get; init; } = TimeSpan.Zero;

    /// <summary>ffmpeg's encoder and filter threads: few, so that on 2 cores the render loop and training keep theirs.</summary>
    public int EncoderThreads { get; init; } = 1;

    /// <summary>How long ffmpeg may take to finish the file once the last frame is in, before it is stopped.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
