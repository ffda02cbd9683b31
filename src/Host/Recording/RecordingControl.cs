using LvaeLive.Host.Settings;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Starts and stops recordings of the live view and feeds the recorder at its fixed frame rate: frames arrive at the
/// render loop's own pace, so each one is written as many times as recording frames fell due on the loop's clock since
/// the last (none when the loop runs faster than the recording, more than one when it stalls), and the video keeps the
/// loop's time. The live view would rather lose a frame than stall, so a frame the encoder cannot take at once is
/// dropped; but never silently: while the encoder is behind, a notice a second says how many frames were dropped, and
/// from what it kept up with, the next recording's rate is chosen so that it can keep up (R at 1080p dropped 64 % of
/// its frames without a word until it ended).
/// </summary>
internal sealed class RecordingControl : IDisposable
{
    /// <summary>How often, on the loop's clock, the count of dropped frames is told while frames drop.</summary>
    private static readonly TimeSpan NoticeEvery = TimeSpan.FromSeconds(1);

    /// <summary>The share of the rate the encoder kept up with that the next recording asks of it: room for a busier moment.</summary>
    private const double Headroom = 0.85;

    private readonly IRecorder _recorder;
    private readonly int _fps;
    private readonly (int Width, int Height)? _fixedSize;
    private readonly Queue<string> _notices = new();
    private TimeSpan? _startedAt; // The loop's time of the recording's first frame; null until that frame is offered.
    private TimeSpan _lastOffer;
    private TimeSpan _nextNotice;
    private long _framesDue;
    private long _taken;
    private long _dropped;
    private long _droppedTold;
    private (int Width, int Height) _size;
    private int _recordingFps; // The rate of the recording running or last started.
    private double? _keptUpPixelsPerSecond; // What the encoder took a second while it dropped frames; null until it did.
    private bool _started; // A recording was started and its result not yet collected, whether it runs or ended on its own.

    public RecordingControl(IRecorder recorder, int fps, (int Width, int Height)? size)
    {
        _recorder = recorder;
        _fps = fps;
        _fixedSize = size;
    }

    public bool IsRecording => _recorder.IsRecording;

    /// <summary>Why the first recording that failed was lost (it could not start, or ended without its file); null while none has.</summary>
    public string? Lost { get; private set; }

    /// <summary>
    /// Starts a recording at <paramref name="path"/>, sized by --record-size or else the canvas's current size, at the
    /// requested rate, or lower where an earlier recording showed that the encoder cannot keep up with it at this size.
    /// Whether it started, and later how it ended, comes as a message.
    /// </summary>
    public void Start(string path, int canvasWidth, int canvasHeight)
    {
        Stop(); // The previous recording, if it ended on its own: its result is collected before the recorder drops it.
        var (width, height) = _fixedSize ?? (canvasWidth & ~1, canvasHeight & ~1);
        _recordingFps = RateFor(width, height);
        if (!_recorder.Start(path, _recordingFps, width, height))
        {
            Lost ??= _recorder.Status;
            return;
        }
        _started = true;
        _size = (width, height);
        (_framesDue, _taken, _dropped, _droppedTold) = (0, 0, 0, 0);
        _startedAt = null;
    }

    /// <summary>Ends the recording, or collects one that ended on its own (a full disk), noting a loss in <see cref="Lost"/>.</summary>
    public void Stop()
    {
        if (!_started) return;
        _started = false;
        var result = _recorder.Stop();
        if (!result.Succeeded) Lost ??= result.Message;
        if (_dropped > 0 && _startedAt is { } start && _lastOffer > start)
        {
            // While frames dropped the encoder's queue was full, so the frames it took are what it kept up with.
            _keptUpPixelsPerSecond = _taken / (_lastOffer - start).TotalSeconds * _size.Width * _size.Height;
            _notices.Enqueue($"the encoder kept up with {_taken / (_lastOffer - start).TotalSeconds:0.#} of {_recordingFps} fps; " +
                $"the next recording at {_size.Width}x{_size.Height} takes {RateFor(_size.Width, _size.Height)} fps");
        }
    }

    /// <summary>
    /// Offers the frame at <paramref name="now"/> on the loop's clock; it is handed over once for every recording frame
    /// that fell due. Frames the encoder could not take are counted, and told about at most once a second.
    /// </summary>
    public void Offer(ReadOnlySpan<byte> rgba, int width, int height, TimeSpan now)
    {
        if (!_recorder.IsRecording) return;
        _startedAt ??= now;
        _lastOffer = now;
        // In whole ticks: a frame clock at the recording's rate then gives exactly one recording frame per frame.
        var due = (now - _startedAt.Value).Ticks * _recordingFps / TimeSpan.TicksPerSecond + 1;
        for (; _framesDue < due; _framesDue++)
        {
            if (_recorder.Submit(rgba, width, height)) _taken++;
            else if (_recorder.IsRecording) _dropped++;
        }
        if (_dropped > _droppedTold && now >= _nextNotice)
        {
            _notices.Enqueue($"recording: the encoder is behind, {_dropped} of {_taken + _dropped} frames dropped so far");
            (_droppedTold, _nextNotice) = (_dropped, now + NoticeEvery);
        }
    }

    /// <summary>The requested rate, or the most frames a second of this size that the encoder kept up with, less some room.</summary>
    private int RateFor(int width, int height) => _keptUpPixelsPerSecond is { } pixels
        ? Math.Clamp((int)(pixels * Headroom / ((double)width * height)), ViewSettings.RecordFps.Range.Min, _fps)
        : _fps;

    // The recorder's lines first: how a recording ended comes before what that means for the next.
    public bool TryReadMessage(out string message) => _recorder.TryReadMessage(out message) || _notices.TryDequeue(out message!);

    public void Dispose() => Stop();
}
