using System.Diagnostics;
using LvaeLive.Imaging;

namespace LvaeLive.Host.Live;

/// <summary>
/// The frame loop of `lvae live`: keys, then the session's update, then the frame to the output, and to the recorder
/// when recording; paced by the frame cap. Ends on a quit key, a closed window, a stop signal or the time limit.
/// </summary>
internal sealed class LiveRunner(LiveSession session, ICanvasOutput output, IInputSource input, RecordingControl recording, FramePacer pacer, Action<string> log)
{
    private byte[] pixels = [];
    private bool screenshotRequested;

    /// <summary>Where R records: by default a new time-stamped MP4 in recordings/ each time (.gif for a GIF).</summary>
    public Func<string> NextRecordingPath { get; init; } = () => $"live-{DateTime.Now:yyyyMMdd-HHmmss}.mp4";

    /// <summary>When given, the health line is sampled every frame and logged every Every of the run.</summary>
    public (TimeSpan Every, HealthLine Line)? Health { get; init; }

    /// <param name="recordFrom">When given, recording starts with the first frame, into this file.</param>
    public void Run(TimeSpan? limit, string? recordFrom, CancellationToken stop)
    {
        var elapsed = Stopwatch.StartNew();
        session.LogState();
        if (recordFrom is not null) recording.Start(recordFrom, output.Width, output.Height);
        var nextHealth = Health?.Every;
        while (!stop.IsCancellationRequested && (limit is null || elapsed.Elapsed < limit) && input.Poll())
        {
            if (!HandleKeys()) break;
            Health?.Line.Sample();
            if (elapsed.Elapsed >= nextHealth)
            {
                log(Health!.Value.Line.Describe(elapsed.Elapsed));
                nextHealth += Health.Value.Every;
            }
            var seconds = pacer.NextFrame();
            session.Advance(seconds, pacer.FramesPerSecond);
            var screenshotWanted = screenshotRequested;
            var readBack = recording.IsRecording || screenshotWanted;
            output.RecordingIndicator = recording.IsRecording;
            if (output.Render(session.Frame, readBack) && readBack)
            {
                if (pixels.Length != output.Width * output.Height * 4) pixels = new byte[output.Width * output.Height * 4];
                output.ReadPixels(pixels);
                recording.Offer(pixels, output.Width, output.Height);
                if (screenshotWanted) SaveScreenshot();
            }
            // Every frame, recording or not: a recording that failed on its own has stopped, and its notice is due now.
            SayRecordingMessages();
        }
        if (recording.IsRecording) recording.Stop();
        SayRecordingMessages();
    }

    /// <summary>Applies pending keys; false when one asks to quit.</summary>
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
                    screenshotRequested = true;
                    break;
                case LoopRequest.ToggleRecording when recording.IsRecording:
                    recording.Stop();
                    break;
                case LoopRequest.ToggleRecording:
                    recording.Start(NextRecordingPath(), output.Width, output.Height);
                    break;
            }
        }
        return true;
    }

    /// <summary>The recorder's lines (started, failed, finished), each said once, in order.</summary>
    private void SayRecordingMessages()
    {
        while (recording.TryReadMessage(out var message)) Say(message);
    }

    private void SaveScreenshot()
    {
        screenshotRequested = false;
        var path = Path.Combine(Recording.RecorderOptions.DefaultFolder, $"screenshot-{DateTime.Now:yyyyMMdd-HHmmss-fff}.png");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            PngFile.Write(path, pixels, output.Width, output.Height);
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
        session.Hud.ShowNotice(message);
    }
}
