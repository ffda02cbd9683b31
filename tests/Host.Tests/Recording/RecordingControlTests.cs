using LvaeLive.Host.Loop;
using LvaeLive.Host.Recording;

namespace LvaeLive.Host.Tests.Recording;

/// <summary>
/// R in the live view with an encoder slower than the recording: the frames it drops are told while it drops them and
/// when it ends, and the next recording's rate is one that the encoder keeps up with. The loop runs on a frame clock,
/// and the encoder's pace is set on the same clock, so every count is exact.
/// </summary>
public sealed class RecordingControlTests
{
    private const int Width = 1920, Height = 1080, LoopFps = 60, RequestedFps = 30;
    private static readonly byte[] Frame = new byte[16];

    [Fact]
    public void AnEncoderThatFallsBehindIsToldWithItsDropsAndTheNextRecordingTakesARateItKeepsUpWith()
    {
        var clock = new FrameClock(LoopFps);
        var now = TimeSpan.Zero;
        var encoder = new PacedEncoder(() => now, framesPerSecond: 12);
        using var control = new RecordingControl(encoder, RequestedFps, null);

        control.Start("first.mp4", Width, Height);
        var notices = Run(control, clock, ref now, seconds: 10);
        control.Stop();
        var after = Drain(control);

        Assert.Equal(RequestedFps, encoder.Rates[0]);
        Assert.True(encoder.Dropped > 100, $"the slow encoder dropped only {encoder.Dropped} frames");
        // Told while it happened, once a second, with the count so far; then with the whole count as it ended.
        var told = notices.Where(n => n.Contains("frames dropped so far")).ToList();
        Assert.InRange(told.Count, 9, 11);
        Assert.Contains($"recorded {encoder.Taken} frames, {encoder.Dropped} dropped", after);
        var next = Assert.Single(after, n => n.Contains("the next recording"));
        Assert.Contains("the encoder kept up with 12", next);

        control.Start("second.mp4", Width, Height);
        var secondNotices = Run(control, clock, ref now, seconds: 10);
        control.Stop();

        Assert.InRange(encoder.Rates[1], 1, 12);
        Assert.Contains($"takes {encoder.Rates[1]} fps", next);
        Assert.Equal(0, encoder.Dropped);
        Assert.True(encoder.Taken >= 10 * encoder.Rates[1], $"{encoder.Taken} frames in 10 s at {encoder.Rates[1]} fps");
        Assert.DoesNotContain(secondNotices, n => n.Contains("dropped"));
        Assert.DoesNotContain(Drain(control), n => n.Contains("the next recording"));
    }

    [Fact]
    public void AnEncoderThatKeepsUpDropsNothingSaysNothingAndKeepsTheRate()
    {
        var clock = new FrameClock(LoopFps);
        var now = TimeSpan.Zero;
        var encoder = new PacedEncoder(() => now, framesPerSecond: 100);
        using var control = new RecordingControl(encoder, RequestedFps, null);

        control.Start("first.mp4", Width, Height);
        var notices = Run(control, clock, ref now, seconds: 5);
        control.Stop();
        notices.AddRange(Drain(control));

        Assert.Equal(0, encoder.Dropped);
        Assert.Equal(5 * RequestedFps + 1, encoder.Taken);
        control.Start("second.mp4", Width, Height);
        control.Stop();
        Assert.Equal([RequestedFps, RequestedFps], encoder.Rates);
        Assert.DoesNotContain(notices, n => n.Contains("dropped so far") || n.Contains("next recording"));
    }

    /// <summary>Runs the loop's side of a recording for <paramref name="seconds"/> of frame time; returns the notices it gave meanwhile.</summary>
    private static List<string> Run(RecordingControl control, FrameClock clock, ref TimeSpan now, int seconds)
    {
        var notices = new List<string>();
        var end = now + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            now = clock.NextFrame().Now;
            if (now > end) break;
            control.Offer(Frame, 2, 2, now);
            notices.AddRange(Drain(control));
        }
        return notices;
    }

    private static List<string> Drain(RecordingControl control)
    {
        var lines = new List<string>();
        while (control.TryReadMessage(out var line)) lines.Add(line);
        return lines;
    }

    /// <summary>An encoder that takes <c>framesPerSecond</c> frames a second of the test's clock through a queue of eight, dropping what does not fit.</summary>
    private sealed class PacedEncoder(Func<TimeSpan> clock, double framesPerSecond) : IRecorder
    {
        private const int QueueCapacity = 8;
        private readonly Queue<string> _messages = new();
        private double _queued;
        private TimeSpan _drainedTo;

        public List<int> Rates { get; } = [];
        public int Taken { get; private set; }
        public int Dropped { get; private set; }
        public bool IsRecording { get; private set; }
        public string Status => "";

        public bool Start(string path, int fps, int width, int height)
        {
            Rates.Add(fps);
            (IsRecording, _queued, _drainedTo, Taken, Dropped) = (true, 0, clock(), 0, 0);
            return true;
        }

        public bool Submit(ReadOnlySpan<byte> rgba, int width, int height)
        {
            var now = clock();
            _queued = Math.Max(0, _queued - (now - _drainedTo).TotalSeconds * framesPerSecond);
            _drainedTo = now;
            if (_queued + 1 > QueueCapacity)
            {
                Dropped++;
                return false;
            }
            _queued++;
            Taken++;
            return true;
        }

        public RecordingResult Stop(CancellationToken cancel = default)
        {
            IsRecording = false;
            var message = $"recorded {Taken} frames, {Dropped} dropped";
            _messages.Enqueue(message);
            return new RecordingResult("clip.mp4", Taken, Dropped, true, message);
        }

        public bool TryReadMessage(out string message) => _messages.TryDequeue(out message!);
    }
}
