using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Time;
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
    private readonly TrainingSession session;
    private readonly SnapshotExchange snapshots;
    private readonly TimeSpan snapshotInterval;
    private readonly LatentMapBuilder? maps;
    private readonly TimeSpan mapInterval;
    private LatentMap? map;
    private readonly ConcurrentQueue<TrainingEvent> events = new();
    private readonly CancellationTokenSource stop = new();
    private readonly ManualResetEventSlim running = new(initialState: true);
    private readonly Thread thread;
    private ExceptionDispatchInfo? failure;
    private volatile bool lastStepSkipped;

    /// <param name="maps">Builds the latent maps on the training thread every <paramref name="mapInterval"/>; null for none.</param>
    public LiveTraining(TrainingSession session, TimeSpan snapshotInterval, LatentMapBuilder? maps = null, TimeSpan mapInterval = default)
    {
        this.session = session;
        this.snapshotInterval = snapshotInterval;
        this.maps = maps;
        this.mapInterval = mapInterval;
        snapshots = new SnapshotExchange(session.Trainer.Model);
        thread = new Thread(Train) { Name = "training", IsBackground = true };
    }

    public bool Finished => !thread.IsAlive && failure is null;
    public bool Paused => !running.IsSet;

    /// <summary>True while the last step's loss was non-finite: the view keeps the last good weights meanwhile.</summary>
    public bool LastStepSkipped => lastStepSkipped;

    public void Start() => thread.Start();

    public void SetPaused(bool paused)
    {
        if (paused) running.Reset();
        else running.Set();
    }

    /// <summary>The newest latent map (replaced whole, never changed in place), or null before the first.</summary>
    public LatentMap? Map => Volatile.Read(ref map);

    /// <summary>Render thread: the newest weights since the last call, or null.</summary>
    public WeightSnapshot? TakeNewestWeights() => snapshots.TakeNewest();

    /// <summary>Render thread: the next training event, if any.</summary>
    public bool TryNextEvent(out TrainingEvent trainingEvent) => events.TryDequeue(out trainingEvent!);

    public void ThrowIfFailed() => failure?.Throw();

    /// <summary>Stops after the current step; the session saves a checkpoint as it ends.</summary>
    public void Stop()
    {
        stop.Cancel();
        running.Set();
        thread.Join();
        ThrowIfFailed();
    }

    private void Train()
    {
        try
        {
            var sinceSnapshot = WallClock.StartNew();
            var sinceMap = WallClock.StartNew();
            snapshots.Publish(session.Trainer.Model, session.Trainer.Progress.GlobalStep);
            UpdateMap();
            while (!session.Trainer.Finished && !stop.IsCancellationRequested)
            {
                running.Wait(stop.Token);
                var stepped = session.StepOnce(events.Enqueue);
                lastStepSkipped = stepped.Step.Skipped;
                // A step that was under way when training was paused publishes nothing: paused means the view holds still.
                var publish = !stepped.Step.Skipped && running.IsSet;
                if (publish && sinceSnapshot.Elapsed >= snapshotInterval)
                {
                    snapshots.Publish(session.Trainer.Model, session.Trainer.Progress.GlobalStep);
                    sinceSnapshot.Restart();
                }
                if (publish && sinceMap.Elapsed >= mapInterval)
                {
                    UpdateMap();
                    sinceMap.Restart();
                }
            }
            session.SaveOnStop(events.Enqueue);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            SaveOnStop();
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private void UpdateMap()
    {
        if (maps is null) return;
        Volatile.Write(ref map, maps.Build(session.Trainer.Model, session.Trainer.Progress.GlobalStep, map));
    }

    private void SaveOnStop()
    {
        try
        {
            session.SaveOnStop(events.Enqueue);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    public void Dispose()
    {
        if (thread.IsAlive) Stop();
        snapshots.Dispose();
        running.Dispose();
        stop.Dispose();
    }
}
