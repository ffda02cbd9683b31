using LvaeLive.Host.Settings;
using System.Collections.Concurrent;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Records RGBA frames to MP4 or GIF through ffmpeg (or PNG files without it) on its own thread, at a fixed frame rate
/// and a fixed, even size. Start, Submit and Stop come from the render loop's thread; Submit never blocks longer than
/// <see cref="RecorderOptions.SubmitWait"/>. Problems with storage end the recording with a message on
/// <see cref="Status"/> and <see cref="TryReadMessage"/>; they never throw into the caller.
/// </summary>
internal sealed class Recorder(RecorderOptions? options = null) : IRecorder, IDisposable
{
    private readonly RecorderOptions _options = options ?? new RecorderOptions();
    private readonly ConcurrentQueue<string> _messages = new();
    private RecordingSession? _session;
    private volatile string _status = "not recording";

    public bool IsRecording => _session is { IsActive: true };

    /// <summary>The latest line about recording, for the HUD.</summary>
    public string Status => _status;

    /// <summary>Every line about recording, oldest first, for a log.</summary>
    public bool TryReadMessage(out string message) => _messages.TryDequeue(out message!);

    /// <summary>
    /// Starts recording to <paramref name="path"/> (.mp4 or .gif; a bare name goes to recordings/). An odd size is rounded
    /// down to even, as H.264 in yuv420p needs. Returns false, with the reason on <see cref="Status"/>, when the output
    /// cannot be written; throws ArgumentException for a path or size that can never work.
    /// </summary>
    public bool Start(string path, int fps, int width, int height)
    {
        if (IsRecording)
            throw new InvalidOperationException("a recording is already running: stop it first");
        var format = RecordingFormats.FromPath(path);
        ViewSettings.RecordFps.Checked(fps);
        if (width < 2 || height < 2)
            throw new ArgumentException($"a recording of {width}x{height} is too small: at least 2x2");
        width &= ~1;
        height &= ~1;
        _session?.Stop(_options.FinishTimeout); // A recording that failed on its own: its message is already out.
        _session = null;

        var output = RecordingPaths.Resolve(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var sink = (IFrameSink?)FfmpegSink.TryStart(_options.FfmpegPath, format, output, width, height, fps, _options)
                ?? new PngSequenceSink(output, width, height);
            _session = new RecordingSession(sink, width, height, _options, Post);
            Post($"recording to {sink.Description} at {width}x{height}, {fps} fps");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Post($"cannot record to {output}: {e.Message}");
            return false;
        }
    }

    /// <summary>Queues a copy of a frame; false when not recording or when the frame was dropped.</summary>
    public bool Submit(ReadOnlySpan<byte> rgba, int width, int height) => _session?.Submit(rgba, width, height) ?? false;

    /// <summary>
    /// Finishes the output (waiting for the frames already queued) and says how the recording went; once
    /// <paramref name="cancel"/> fires, it removes the partial output instead.
    /// </summary>
    public RecordingResult Stop(CancellationToken cancel = default)
    {
        if (_session is null)
            return new RecordingResult(null, 0, 0, false, "not recording");
        var result = _session.Stop(_options.FinishTimeout, cancel);
        _session = null;
        return result;
    }

    public void Dispose()
    {
        if (_session is not null)
            Stop();
    }

    private void Post(string message)
    {
        _status = message;
        _messages.Enqueue(message);
    }
}
