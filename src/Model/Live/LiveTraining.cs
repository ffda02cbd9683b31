using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LvaeLive.Model.Inference;
using LvaeLive.Files.Time;
using LvaeLive.Model.Training;

namespace LvaeLive.Model.Live;

/// <summary>
/// Trains on a thread of its own while the live view renders: publishes weight snapshots every few hundred
/// milliseconds through a <see cref="SnapshotExchange"/>, and passes training events through a lock-free queue. The
/// render thread never waits for training; training never waits for a frame. An exception on the training thread is
/// kept and thrown again on the render thread by <see cref="ThrowIfFailed"/>.
/// </summary>
public sealed class LiveTraining : IDisposable
{
    private readonly TrainingSession _session;
    private readonly SnapshotExchange _snapshots;
    private readonly TimeSpan _snapshotInterval;
    private readonly LatentMapBuilder? _maps;
    private readonly TimeSpan _mapInterval;
    private LatentMap? _map;
    private readonly ConcurrentQueue<TrainingEvent> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _running = new(initialState: true);
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _lastStepSkipped;

    /// <param name="maps">Builds the latent maps on the training thread every <paramref name="mapInterval"/>; null for none.</param>
    public LiveTraining(TrainingSession session, TimeSpan snapshotInterval, LatentMapBuilder? maps = null, TimeSpan mapInterval = default)
    {
        _session = session;
        _snapshotInterval = snapshotInterval;
        _maps = maps;
        _mapInterval = mapInterval;
        _snapshots = new SnapshotExchange(session.Trainer.Model);
        _thread = new Thread(Train) { Name = "training", IsBackground = true };
    }

    public bool Finished => !_thread.IsAlive && _failure is null;
    public bool Paused => !_running.IsSet;

    /// <summary>True while the last step's loss was non-finite: the view keeps the last good weights meanwhile.</summary>
    public bool LastStepSkipped => _lastStepSkipped;

    public void Start() => _thread.Start();

    public void SetPaused(bool paused)
    {
        if (paused) _running.Reset();
        else _running.Set();
    }

    /// <summary>The newest latent map (replaced whole, never changed in place), or null before the first.</summary>
    public LatentMap? Map => Volatile.Read(ref _map);

    /// <summary>Render thread: the newest weights since the last call, or null.</summary>
    public WeightSnapshot? TakeNewestWeights() => _snapshots.TakeNewest();

    /// <summary>Render thread: the next training event, if any.</summary>
    public bool TryNextEvent(out TrainingEvent trainingEvent) => _events.TryDequeue(out trainingEvent!);

    public void ThrowIfFailed() => _failure?.Throw();

    /// <summary>Stops after the current step; the session saves a checkpoint as it ends.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _running.Set();
        _thread.Join();
        ThrowIfFailed();
    }

    private void Train()
    {
        try
        {
            var sinceSnapshot = WallClock.StartNew();
            var sinceMap = WallClock.StartNew();
            _snapshots.Publish(_session.Trainer.Model, _session.Trainer.Progress.GlobalStep);
            UpdateMap();
            while (!_session.Trainer.Finished && !_stop.IsCancellationRequested)
            {
                _running.Wait(_stop.Token);
                var stepped = _session.StepOnce(_events.Enqueue);
                _lastStepSkipped = stepped.Step.Skipped;
                // A step that was under way when training was paused publishes nothing: paused means the view holds still.
                var publish = !stepped.Step.Skipped && _running.IsSet;
                if (publish && sinceSnapshot.Elapsed >= _snapshotInterval)
                {
                    _snapshots.Publish(_session.Trainer.Model, _session.Trainer.Progress.GlobalStep);
                    sinceSnapshot.Restart();
                }
                if (publish && sinceMap.Elapsed >= _mapInterval)
                {
                    UpdateMap();
                    sinceMap.Restart();
                }
            }
            _session.SaveOnStop(_events.Enqueue);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            SaveOnStop();
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private void UpdateMap()
    {
        if (_maps is null) return;
        Volatile.Write(ref _map, _maps.Build(_session.Trainer.Model, _session.Trainer.Progress.GlobalStep, _map));
    }

    private void SaveOnStop()
    {
        try
        {
            _session.SaveOnStop(_events.Enqueue);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    public void Dispose()
    {
        if (_thread.IsAlive) Stop();
        _snapshots.Dispose();
        _running.Dispose();
        _stop.Dispose();
    }
}
