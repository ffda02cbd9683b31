using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LvaeLive.Host.Recording;

/// <summary>
/// One recording from start to stop: a bounded queue of frames and the thread that drains it into a sink. A storage
/// failure (a full disk, an unwritable folder, ffmpeg gone) ends the recording with a message and never reaches the
/// producer; any other exception is a bug and is raised again on the thread that calls <see cref="Stop"/>.
/// </summary>
internal sealed class RecordingSession
{
    private readonly BlockingCollection<PooledFrame> queue;
    private readonly IFrameSink sink;
    private readonly FrameScaler scaler;
    private readonly TimeSpan submitWait;
    private readonly Action<string> report;
    private readonly Thread thread;
    private volatile bool ended;
    private int written;
    private int dropped;
    private RecordingResult? result;
    private ExceptionDispatchInfo? bug;

    public RecordingSession(IFrameSink sink, int width, int height, RecorderOptions options, Action<string> report)
    {
        this.sink = sink;
        this.report = report;
        scaler = new FrameScaler(width, height);
        submitWait = options.SubmitWait;
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
        return false;
    }

    /// <summary>Lets the queued frames be written, finishes the output, and returns how it went.</summary>
    public RecordingResult Stop(TimeSpan timeout)
    {
        ended = true;
        queue.CompleteAdding();
        if (!thread.Join(timeout))
        {
            sink.Abandon(); // A stalled encoder: killing it makes the thread's write or wait fail, and the thread ends.
            if (!thread.Join(timeout))
                return new RecordingResult(null, FramesWritten, FramesDropped, false, "recording stopped: the recorder thread did not end");
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
                    sink.Write(scaler.Fit(frame.Pixels, frame.Width, frame.Height));
                    Interlocked.Increment(ref written);
                }
                finally
                {
                    frame.Return();
                }
            }
            var path = sink.Finish();
            var drops = FramesDropped == 0 ? "" : $", {FramesDropped} dropped because the encoder fell behind";
            result = new RecordingResult(path, FramesWritten, FramesDropped, true, $"recorded {FramesWritten} frames to {path}{drops}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = Fail($"recording stopped: {e.Message}");
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
