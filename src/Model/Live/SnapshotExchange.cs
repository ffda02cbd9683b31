using LvaeLive.Model.Inference;

namespace LvaeLive.Model.Live;

/// <summary>
/// Hands weight snapshots from the training thread to the render thread without locks and without either ever
/// waiting: three snapshots rotate (the one being written, the one ready, the one in use), swapped by
/// Interlocked.Exchange. The writer only writes the one it holds; the reader only reads the one it holds.
/// </summary>
public sealed class SnapshotExchange : IDisposable
{
    private readonly WeightSnapshot[] all;
    private WeightSnapshot writing;
    private WeightSnapshot ready;
    private WeightSnapshot inUse;
    private long sequence;

    public SnapshotExchange(HierarchicalModel model)
    {
        all = [new WeightSnapshot(model), new WeightSnapshot(model), new WeightSnapshot(model)];
        (writing, ready, inUse) = (all[0], all[1], all[2]);
    }

    /// <summary>Training thread: captures the model and makes it the ready snapshot.</summary>
    public void Publish(HierarchicalModel model, long step)
    {
        writing.Capture(model, step);
        writing.Sequence = ++sequence;
        writing = Interlocked.Exchange(ref ready, writing);
    }

    /// <summary>
    /// Render thread: the newest snapshot if one was published since the last call, else null. The snapshot returned
    /// stays untouched until the next call.
    /// </summary>
    public WeightSnapshot? TakeNewest()
    {
        if (Volatile.Read(ref ready).Sequence <= inUse.Sequence) return null;
        inUse = Interlocked.Exchange(ref ready, inUse);
        return inUse;
    }

    public void Dispose()
    {
        foreach (var snapshot in all) snapshot.Dispose();
    }
}
