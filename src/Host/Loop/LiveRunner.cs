using LvaeLive.Files.Time;
using LvaeLive.Host.Recording;
using LvaeLive.Imaging;

namespace LvaeLive.Host.Loop;

/// <summary>
/// The one frame loop, of `lvae live`, `lvae record`, `bench live` and the tests: keys, then the session's update, then
/// the frame to the output, and to the recorder when recording. Each use passes its own clock (wall time for the live
/// view, a frame clock elsewhere), and everything time-driven asks it. Ends on a quit key, when the input says so (a
/// closed window, `lvae record`'s recording ended), on a stop signal or at the time limit. <paramref name="recording"/>
/// is null where nothing is recorded on request: `lvae record` records through its output, `bench live` not at all.
/// </summary>
internal sealed class LiveRunner(ILiveView session, ICanvasOutput output, IInputSource input, RecordingControl? recording, IFrameClock clock, Action<string> log)
{
    private byte[] _pixels = [];
    private bool _screenshotRequested;
    private TimeSpan _now; // The current frame's time on the loop's clock.

    /// <summary>Where R records: by default a new time-stamped MP4 in recordings/ each time (.gif for a GIF).</summary>
    public Func<string> NextRecordingPath { get; init; } = () => $"live-{WallClock.Stamp()}.mp4";

    /// <summary>
    /// The presenter view's output (a second window), when there is one: it draws the session's presenter frame after
    /// the audience's frame, and is never read back, so that no recording or screenshot can hold the speaker's notes.
    /// </summary>
    public ICanvasOutput? Presenter { get; init; }

    /// <summary>When given, the health line is sampled every frame and logged every Every of the run, on the loop's clock.</summary>
    public (TimeSpan Every, HealthLine Line)? Health { get; init; }

    /// <param name="recordFrom">When given, recording starts with the first frame, into this file.</param>
    /// <param name="limit">The run's length on the loop's clock: the frames before it are drawn.</param>
    public void Run(TimeSpan? limit, string? recordFrom, CancellationToken stop)
    {
        session.LogState();
        if (recordFrom is not null)
            (recording ?? throw new InvalidOperationException("a run without a recording control cannot record")).Start(recordFrom, output.Width, output.Height);
        var nextHealth = Health?.Every;
        while (!stop.IsCancellationRequested && input.Poll())
        {
            if (!HandleKeys()) break;
            var time = clock.NextFrame();
            if (time.Now >= limit) break;
            _now = time.Now;
            Health?.Line.Sample();
            if (_now >= nextHealth)
            {
                log(Health!.Value.Line.Describe(_now));
                nextHealth += Health.Value.Every;
            }
            session.Advance(time);
            var screenshotWanted = _screenshotRequested;
            var readBack = IsRecording || screenshotWanted;
            output.RecordingIndicator = IsRecording;
            if (output.Render(session.Frame, readBack) && readBack)
            {
                if (_pixels.Length != output.Width * output.Height * 4) _pixels = new byte[output.Width * output.Height * 4];
                // Pixels lost to a swapchain re-created after the frame was drawn are not offered: the recording fills the
                // gap with the next frame, and a screenshot waits for it.
                if (output.TryReadPixels(_pixels))
                {
                    recording?.Offer(_pixels, output.Width, output.Height, _now);
                    if (screenshotWanted) SaveScreenshot();
                }
            }
            if (Presenter is not null && session.PresenterFrame is { } notes) Presenter.Render(notes, readBack: false);
            // Every frame, recording or not: a recording that failed on its own has stopped, and its notice is due now.
            SayRecordingMessages();
        }
        if (IsRecording) recording!.Stop();
        SayRecordingMessages();
    }

    private bool IsRecording => recording is { IsRecording: true };

    /// <summary>Applies pending keys, then pointer events; false when a key asks to quit.</summary>
    private bool HandleKeys()
    {
        while (input.TryRead(out var key))
        {
            switch (session.Apply(key))
            {
                case LoopRequest.Quit:
                    log("state: quit");
                    return false;
                case LoopRequest.Screenshot:
                    _screenshotRequested = true;
                    break;
                case LoopRequest.ToggleFullscreen:
                    output.ToggleFullscreen();
                    break;
                case LoopRequest.LeaveFullscreen:
                    output.LeaveFullscreen();
                    break;
                case LoopRequest.ToggleRecording when IsRecording:
                    recording!.Stop();
                    break;
                case LoopRequest.ToggleRecording:
                    recording?.Start(NextRecordingPath(), output.Width, output.Height);
                    break;
            }
        }
        while (input.TryReadPointer(out var pointer)) session.ApplyPointer(pointer, output.Placement);
        return true;
    }

    /// <summary>The recorder's lines (started, failed, finished), each said once, in order.</summary>
    private void SayRecordingMessages()
    {
        while (recording is not null && recording.TryReadMessage(out var message)) Say(message);
    }

    private void SaveScreenshot()
    {
        _screenshotRequested = false;
        var path = Path.Combine(Recording.RecorderOptions.DefaultFolder, $"screenshot-{WallClock.Stamp(milliseconds: true)}.png");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PngFile.Write(path, _pixels, output.Width, output.Height);
            Say($"saved {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Say($"cannot save a screenshot to {path}: {e.Message}");
        }
    }

    private void Say(string message)
    {
        log($"lvae: {message}");
        session.Hud.ShowNotice(message, _now);
    }
}
