using LvaeLive.Host.Loop;
using LvaeLive.Host.Panels;
using LvaeLive.Host.Session;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Live;

/// <summary>On a frame clock, what time-driven parts of the view show depends on the frame's number only.</summary>
public sealed class FrameClockTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void FrameNIsAtNOverFpsAndNeverShortOfIt()
    {
        var clock = new FrameClock(30);
        for (var n = 0; n < 1000; n++)
        {
            var time = clock.NextFrame();
            // Recording cadence counts whole frames from this product: it must give n exactly, not n - 1.
            Assert.Equal(n, time.Now.Ticks * 30 / TimeSpan.TicksPerSecond);
            Assert.Equal(n / 30.0, time.Now.TotalSeconds, 6);
            Assert.Equal(n == 0 ? 0 : 1 / 30.0, time.Seconds);
        }
    }

    [Fact]
    public void ANoticeShowsFromTheNextFrameForSixSecondsOfTheLoopsTime()
    {
        var hud = new HudStatus("cpu");
        var clock = new FrameClock(10);
        var shown = new List<int>();
        for (var frame = 0; frame < 100; frame++)
        {
            var time = clock.NextFrame();
            if (hud.Lines(time.Now, () => "not training", time.FramesPerSecond, () => "animation").Contains("hello")) shown.Add(frame);
            if (frame == 10) hud.ShowNotice("hello", time.Now);
        }
        // From frame 11 (a notice rebuilds the lines at once) until the last refresh (every 250 ms) less than 6 s after
        // frame 10's time: the refresh at 6.8 s, whose lines frames 68 to 70 show.
        Assert.Equal(Enumerable.Range(11, 60), shown);
    }

    [Fact]
    public void AShownCheckpointsHudNamesItsEpochsAndTestElboFromItsHistory()
    {
        var hud = new HudStatus("cpu");
        hud.Load([new MetricsEntry(10, 0, Elbo: -120), new MetricsEntry(20, 1, TestElbo: -110.04), new MetricsEntry(40, 2, TestElbo: -99.96)]);
        Assert.Equal("2 epochs, test ELBO -100.0", hud.Lines(TimeSpan.Zero, () => "not training", 30, () => "animation")[0]);
    }

    [Fact]
    public void AViewOnAFrameClockDrawsTheSameHudWhateverTheSetUpTime()
    {
        TinyRun.Checkpoint(_folder["run"], steps: 2);
        using var model = ModelSide.View(_folder["run"], TinyRun.Test, CPU);
        List<string> Hud(TimeSpan setUp)
        {
            var session = model.OpenSession(seed: 3, "cpu", _ => { });
            Thread.Sleep(setUp); // Pipelines, ffmpeg: whatever comes between the session and its first frame.
            var output = new HudCapture();
            new LiveRunner(session, output, output, recording: null, new FrameClock(10), _ => { }).Run(TimeSpan.FromSeconds(1), null, CancellationToken.None);
            return output.Frames;
        }

        var quick = Hud(TimeSpan.Zero);
        Assert.Equal(10, quick.Count);
        Assert.All(quick, lines => Assert.Contains("10 fps", lines));
        Assert.Equal(quick, Hud(TimeSpan.FromMilliseconds(400)));
    }

    /// <summary>An output that keeps each frame's HUD lines and draws nothing.</summary>
    private sealed class HudCapture : ICanvasOutput, IInputSource
    {
        public List<string> Frames { get; } = [];
        public int Width => 320;
        public int Height => 240;
        public bool RecordingIndicator { set { } }

        public bool Render(CanvasFrame frame, bool readBack)
        {
            Frames.Add(string.Join(" | ", frame.Hud));
            return true;
        }

        public bool TryReadPixels(Span<byte> rgba) => false;

        public bool Poll() => true;

        public bool TryRead(out Host.Input.LiveInput input)
        {
            input = default;
            return false;
        }
    }
}
