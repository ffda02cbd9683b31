using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LvaeLive.Host.Recording;

/// <summary>
/// One recording from start to stop: a bounded queue of frames and the thread that drains it into a sink. A storage
/// failure (a full disk, an unwritable folder, ffmpeg gone) ends the recording with a message and never reaches the
/// producer; any other exception is a bug and is raised again on the thread that calls <see cref="Stop"/>. Every ending,
/// good or bad, is reported once.
/// </summary>
internal sealed class RecordingSession
{
    private const string Cancelled = "recording abandoned: the partial output was removed";

    /// <summary>How long an abandoned recording's thread has to notice on its own before its encoder is stopped.</summary>
    private static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(1);

    private readonly BlockingCollection<PooledFrame> queue;
    private readonly IFrameSink sink;
    private readonly FrameScaler scaler;
    private readonly TimeSpan submitWait;
    private readonly bool everyFrame;
    private readonly Action<string> report;
    private readonly Thread thread;
    private volatile bool ended;
    private int written;
    private int dropped;
    private RecordingResult? result;
    private ExceptionDispatchInfo? bug;
    private string? abandoned; // Why the output must not be finished, once it was given up; set once.

    public RecordingSession(IFrameSink sink, int width, int height, RecorderOptions options, Action<string> report)
    {
        this.sink = sink;
        this.report = report;
        scaler = new FrameScaler(width, height);
        submitWait = options.SubmitWait;
        everyFrame = options.EveryFrame;
        queue = new BlockingCollection<PooledFrame>(options.QueueCapacity);
        thread = new Thread(Run) { Name = "recorder", IsBackground = true };
        thread.Start();
    }

    /// <summary>True from the start until Stop, or until a failure ended the recording on its own.</summary>
    public bool IsActive => !ended;

    public int FramesWritten => Volatile.Read(ref written);

    public int FramesDropped => Volatile.Read(ref dropped);

    /// <summary>Queues a copy of the frame; false when the recording has ended or the frame was dropped (queue full).</summary>
    public bool Submit(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgba.Length != width * height * 4)
            throw new ArgumentException($"a {width}x{height} RGBA frame needs {width * height * 4} bytes, got {rgba.Length}");
        if (ended)
            return false;
        var frame = PooledFrame.CopyOf(rgba, width, height);
        try
        {
            if (queue.TryAdd(frame, submitWait))
                return true;
        }
        catch (InvalidOperationException)
        {
            // The recorder thread failed and closed the queue after the check above.
        }
        frame.Return();
        Interlocked.Increment(ref dropped);
        if (everyFrame)
        {
            // A video that misses a frame is not the one asked for: it is never finished, and the rest is not taken.
            GiveUp($"recording stopped: a frame could not be handed to the encoder within {submitWait.TotalSeconds:0.#} s, as it fell behind");
            ended = true;
            queue.CompleteAdding();
        }
        return false;
    }

    /// <summary>
    /// Lets the queued frames be written, finishes the output, and returns how it went. Once <paramref name="cancel"/>
    /// fires (a stop signal), or when a frame was lost that the recording needed, the frames left are dropped and the
    /// partial output is removed instead, even while the encoder is finishing.
    /// </summary>
    public RecordingResult Stop(TimeSpan timeout, CancellationToken cancel = default)
    {
        ended = true;
        queue.CompleteAdding();
        using (cancel.Register(() => Abandon(Cancelled)))
        {
            if (Volatile.Read(ref abandoned) is { } why)
                Abandon(why); // Given up already: not worth waiting for the encoder.
            if (!thread.Join(timeout))
            {
                sink.Abandon(); // A stalled encoder: killing it makes the thread's write or wait fail, and the thread ends.
                if (!thread.Join(timeout))
                {
                    var stuck = new RecordingResult(null, FramesWritten, FramesDropped, false, "recording stopped: the recorder thread did not end");
                    report(stuck.Message);
                    return stuck;
                }
            }
        }
        var failure = Interlocked.Exchange(ref bug, null);
        failure?.Throw();
        return result!;
    }

    private void Run()
    {
        try
        {
            foreach (var frame in queue.GetConsumingEnumerable())
            {
                try
                {
                    if (Volatile.Read(ref abandoned) is null)
                    {
                        sink.Write(scaler.Fit(frame.Pixels, frame.Width, frame.Height));
                        Interlocked.Increment(ref written);
                    }
                    else
                    {
                        Interlocked.Increment(ref dropped);
                    }
                }
                finally
                {
                    frame.Return();
                }
            }
            result = Volatile.Read(ref abandoned) is { } why ? Fail(why) : Finished(sink.Finish());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A write or finish that Abandon cut short fails too: the reason it was abandoned is the one to tell.
            result = Fail(Volatile.Read(ref abandoned) ?? $"recording stopped: {e.Message}");
        }
        catch (Exception e)
        {
            bug = ExceptionDispatchInfo.Capture(e);
            result = Fail($"recording stopped by an error in the recorder: {e.Message}");
        }
        finally
        {
            sink.Dispose();
        }
        report(result.Message);
    }

    private RecordingResult Finished(string path)
    {
        var drops = FramesDropped == 0 ? "" : $", {FramesDropped} dropped because the encoder fell behind";
        return new RecordingResult(path, FramesWritten, FramesDropped, true, $"recorded {FramesWritten} frames to {path}{drops}");
    }

    /// <summary>Marks the output as not to be finished, keeping the first reason given.</summary>
    private void GiveUp(string why) => Interlocked.CompareExchange(ref abandoned, why, null);

    /// <summary>Gives the output up and makes sure the thread ends soon: an encoder still busy after a grace is stopped.</summary>
    private void Abandon(string why)
    {
        GiveUp(why);
        if (!thread.Join(AbandonGrace))
            sink.Abandon();
    }

    private RecordingResult Fail(string message)
    {
        ended = true;
        queue.CompleteAdding();
        foreach (var frame in queue.GetConsumingEnumerable())
        {
            frame.Return();
            Interlocked.Increment(ref dropped);
        }
        sink.Abandon();
        return new RecordingResult(null, FramesWritten, FramesDropped, false, message);
    }
}
