using LvaeLive.Host.Recording;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Starts and stops recordings of the live view and feeds the recorder at its fixed frame rate: frames arrive at the
/// render loop's own pace, so each one is written as many times as recording frames fell due on the loop's clock since
/// the last (none when the loop runs faster than the recording, more than one when it stalls), and the video keeps the
/// loop's time.
/// </summary>
internal sealed class RecordingControl : IDisposable
{
    private readonly Recorder _recorder;
    private readonly int _fps;
    private readonly (int Width, int Height)? _fixedSize;
    private TimeSpan? _startedAt; // The loop's time of the recording's first frame; null until that frame is offered.
    private long _framesDue;
    private bool _started; // A recording was started and its result not yet collected, whether it runs or ended on its own.

    public RecordingControl(Recorder recorder, int fps, (int Width, int Height)? size)
    {
        _recorder = recorder;
        _fps = fps;
        _fixedSize = size;
    }

    public bool IsRecording => _recorder.IsRecording;

    /// <summary>Why the first recording that failed was lost (it could not start, or ended without its file); null while none has.</summary>
    public string? Lost { get; private set; }

    /// <summary>
    /// Starts a recording at <paramref name="path"/>, sized by --record-size or else the canvas's current size. Whether
    /// it started, and later how it ended, comes as a message.
    /// </summary>
    public void Start(string path, int canvasWidth, int canvasHeight)
    {
        Stop(); // The previous recording, if it ended on its own: its result is collected before the recorder drops it.
        var (width, height) = _fixedSize ?? (canvasWidth & ~1, canvasHeight & ~1);
        if (!_recorder.Start(path, _fps, width, height))
        {
            Lost ??= _recorder.Status;
            return;
        }
        _started = true;
        _framesDue = 0;
        _startedAt = null;
    }

    /// <summary>Ends the recording, or collects one that ended on its own (a full disk), noting a loss in <see cref="Lost"/>.</summary>
    public void Stop()
    {
        if (!_started) return;
        _started = false;
        var result = _recorder.Stop();
        if (!result.Succeeded) Lost ??= result.Message;
    }

    /// <summary>
    /// Offers the frame at <paramref name="now"/> on the loop's clock; it is written once for every recording frame that
    /// fell due. A frame the recorder cannot take at once is dropped, counted and reported when the recording ends: the
    /// live view would rather lose a frame than stall.
    /// </summary>
    public void Offer(ReadOnlySpan<byte> rgba, int width, int height, TimeSpan now)
    {
        if (!_recorder.IsRecording) return;
        _startedAt ??= now;
        // In whole ticks: a frame clock at the recording's rate then gives exactly one recording frame per frame.
        var due = (now - _startedAt.Value).Ticks * _fps / TimeSpan.TicksPerSecond + 1;
        for (; _framesDue < due; _framesDue++) _recorder.Submit(rgba, width, height);
    }

    public bool TryReadMessage(out string message) => _recorder.TryReadMessage(out message);

    public void Dispose() => Stop();
}
