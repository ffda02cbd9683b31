using System.Diagnostics;
using LvaeLive.Host.Recording;

namespace LvaeLive.Host.Live;

/// <summary>
/// Starts and stops recordings of the live view and feeds the recorder at its fixed frame rate: frames arrive at the
/// render loop's own pace, so each one is written as many times as recording frames fell due since the last (none
/// when the loop runs faster than the recording, more than one when it stalls), and the video keeps wall time.
/// </summary>
internal sealed class RecordingControl : IDisposable
{
    private readonly Recorder recorder;
    private readonly int fps;
    private readonly (int Width, int Height)? fixedSize;
    private readonly Stopwatch sinceStart = new();
    private long framesDue;

    public RecordingControl(Recorder recorder, int fps, (int Width, int Height)? size)
    {
        this.recorder = recorder;
        this.fps = fps;
        fixedSize = size;
    }

    public bool IsRecording => recorder.IsRecording;

    /// <summary>
    /// Starts a recording at <paramref name="path"/>, sized by --record-size or else the canvas's current size. Whether
    /// it started, and later how it ended, comes as a message.
    /// </summary>
    public void Start(string path, int canvasWidth, int canvasHeight)
    {
        var (width, height) = fixedSize ?? (canvasWidth & ~1, canvasHeight & ~1);
        if (!recorder.Start(path, fps, width, height)) return;
        framesDue = 0;
        sinceStart.Restart();
    }

    public void Stop() => recorder.Stop();

    /// <summary>Offers the current frame; it is written once for every recording frame that fell due.</summary>
    public void Offer(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (!recorder.IsRecording) return;
        var due = (long)(sinceStart.Elapsed.TotalSeconds * fps) + 1;
        for (; framesDue < due; framesDue++) recorder.Submit(rgba, width, height);
    }

    public bool TryReadMessage(out string message) => recorder.TryReadMessage(out message);

    public void Dispose()
    {
        if (recorder.IsRecording) recorder.Stop();
    }
}
