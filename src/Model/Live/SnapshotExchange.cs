using LvaeLive.Model.Inference;

namespace LvaeLive.Model.Live;

/// <summary>
/// Hands weight snapshots from the training thread to the render thread without locks and without either ever
/// waiting: three snapshots rotate (the one being written, the one ready, the one in use), swapped by
/// Interlocked.Exchange. The writer only writes the one it holds; the reader only reads the one it holds.
/// </summary>
public sealed class SnapshotExchange : IDisposable
{
    private readonly WeightSnapshot[] _all;
    private WeightSnapshot _writing;
    private WeightSnapshot _ready;
    private WeightSnapshot _inUse;
    private long _sequence;

    public SnapshotExchange(HierarchicalModel model)
    {
        _all = [new WeightSnapshot(model), new WeightSnapshot(model), new WeightSnapshot(model)];
        (_writing, _ready, _inUse) = (_all[0], _all[1], _all[2]);
    }

    /// <summary>Training thread: captures the model and makes it the ready snapshot.</summary>
    public void Publish(HierarchicalModel model, long step)
    {
        _writing.Capture(model, step);
        _writing.Sequence = ++_sequence;
        _writing = Interlocked.Exchange(ref _ready, _writing);
    }

    /// <summary>
    /// Render thread: the newest snapshot if one was published since the last call, else null. The snapshot returned
    /// stays untouched until the next call.
    /// </summary>
    public WeightSnapshot? TakeNewest()
    {
        if (Volatile.Read(ref _ready).Sequence <= _inUse.Sequence) return null;
        _inUse = Interlocked.Exchange(ref _ready, _inUse);
        return _inUse;
    }

    public void Dispose()
    {
        foreach (var snapshot in _all) snapshot.Dispose();
    }
}
