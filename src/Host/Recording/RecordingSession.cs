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

    private readonly BlockingCollection<PooledFrame> _queue;
    private readonly IFrameSink _sink;
    private readonly FrameScaler _scaler;
    private readonly TimeSpan _submitWait;
    private readonly bool _everyFrame;
    private readonly Action<string> _report;
    private readonly Thread _thread;
    private volatile bool _ended;
    private int _written;
    private int _dropped;
    private RecordingResult? _result;
    private ExceptionDispatchInfo? _bug;
    private string? _abandoned; // Why the output must not be finished, once it was given up; set once.

    public RecordingSession(IFrameSink sink, int width, int height, RecorderOptions options, Action<string> report)
    {
        _sink = sink;
        _report = report;
        _scaler = new FrameScaler(width, height);
        _submitWait = options.SubmitWait;
        _everyFrame = options.EveryFrame;
        _queue = new BlockingCollection<PooledFrame>(options.QueueCapacity);
        _thread = new Thread(Run) { Name = "recorder", IsBackground = true };
        _thread.Start();
    }

    /// <summary>True from the start until Stop, or until a failure ended the recording on its own.</summary>
    public bool IsActive => !_ended;

    public int FramesWritten => Volatile.Read(ref _written);

    public int FramesDropped => Volatile.Read(ref _dropped);

    /// <summary>Queues a copy of the frame; false when the recording has ended or the frame was dropped (queue full).</summary>
    public bool Submit(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width <= 0 || height <= 0 || rgba.Length != width * height * 4)
            throw new ArgumentException($"a {width}x{height} RGBA frame needs {width * height * 4} bytes, got {rgba.Length}");
        if (_ended)
            return false;
        var frame = PooledFrame.CopyOf(rgba, width, height);
        try
        {
            if (_queue.TryAdd(frame, _submitWait))
                return true;
        }
        catch (InvalidOperationException)
        {
            // The recorder thread failed and closed the queue after the check above.
        }
        frame.Return();
        Interlocked.Increment(ref _dropped);
        if (_everyFrame)
        {
            // A video that misses a frame is not the one asked for: it is never finished, and the rest is not taken.
            GiveUp($"recording stopped: a frame could not be handed to the encoder within {_submitWait.TotalSeconds:0.#} s, as it fell behind");
            _ended = true;
            _queue.CompleteAdding();
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
        _ended = true;
        // Given up before the queue completes: otherwise the thread could finish the file between the two, and a stop
        // that was cancelled already would keep the recording.
        if (cancel.IsCancellationRequested) GiveUp(Cancelled);
        _queue.CompleteAdding();
        using (cancel.Register(() => Abandon(Cancelled)))
        {
            if (Volatile.Read(ref _abandoned) is { } why)
                Abandon(why); // Given up already: not worth waiting for the encoder.
            if (!_thread.Join(timeout))
            {
                _sink.Abandon(); // A stalled encoder: killing it makes the thread's write or wait fail, and the thread ends.
                if (!_thread.Join(timeout))
                {
                    var stuck = new RecordingResult(null, FramesWritten, FramesDropped, false, "recording stopped: the recorder thread did not end");
                    _report(stuck.Message);
                    return stuck;
                }
            }
        }
        var failure = Interlocked.Exchange(ref _bug, null);
        failure?.Throw();
        return _result!;
    }

    private void Run()
    {
        try
        {
            foreach (var frame in _queue.GetConsumingEnumerable())
            {
                try
                {
                    if (Volatile.Read(ref _abandoned) is null)
                    {
                        _sink.Write(_scaler.Fit(frame.Pixels, frame.Width, frame.Height));
                        Interlocked.Increment(ref _written);
                    }
                    else
                    {
                        Interlocked.Increment(ref _dropped);
                    }
                }
                finally
                {
                    frame.Return();
                }
            }
            _result = Volatile.Read(ref _abandoned) is { } why ? Fail(why) : Finished(_sink.Finish());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A write or finish that Abandon cut short fails too: the reason it was abandoned is the one to tell.
            _result = Fail(Volatile.Read(ref _abandoned) ?? $"recording stopped: {e.Message}");
        }
        catch (Exception e)
        {
            _bug = ExceptionDispatchInfo.Capture(e);
            _result = Fail($"recording stopped by an error in the recorder: {e.Message}");
        }
        finally
        {
            _sink.Dispose();
        }
        _report(_result.Message);
    }

    private RecordingResult Finished(string path)
    {
        var drops = FramesDropped == 0 ? "" : $", {FramesDropped} dropped because the encoder fell behind";
        return new RecordingResult(path, FramesWritten, FramesDropped, true, $"recorded {FramesWritten} frames to {path}{drops}");
    }

    /// <summary>Marks the output as not to be finished, keeping the first reason given.</summary>
    private void GiveUp(string why) => Interlocked.CompareExchange(ref _abandoned, why, null);

    /// <summary>Gives the output up and makes sure the thread ends soon: an encoder still busy after a grace is stopped.</summary>
    private void Abandon(string why)
    {
        GiveUp(why);
        if (!_thread.Join(AbandonGrace))
            _sink.Abandon();
    }

    private RecordingResult Fail(string message)
    {
        _ended = true;
        _queue.CompleteAdding();
        foreach (var frame in _queue.GetConsumingEnumerable())
        {
            frame.Return();
            Interlocked.Increment(ref _dropped);
        }
        _sink.Abandon();
        return new RecordingResult(null, FramesWritten, FramesDropped, false, message);
    }
}
