using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// One epoch's view of the training images: re-binarized (a Bernoulli draw of each grey level; grey levels stay as
/// they are for a Gaussian likelihood) and shuffled, both from one generator whose state at the epoch's start is
/// kept, so that a resumed run rebuilds the same epoch.
/// </summary>
internal sealed class EpochData : IDisposable
{
    private readonly Tensor greyLevels;
    private readonly Generator generator;
    private readonly bool binarize;
    private Tensor? binarized;
    private Tensor? order;

    public EpochData(Tensor greyLevels, Generator generator, bool binarize)
    {
        this.greyLevels = greyLevels;
        this.generator = generator;
        this.binarize = binarize;
    }

    public long Count => greyLevels.shape[0];

    /// <summary>The generator's state at the start of the current epoch.</summary>
    public Tensor? EpochStartState { get; private set; }

    /// <summary>Draws a new epoch: binarization and order.</summary>
    public void NextEpoch()
    {
        EpochStartState?.Dispose();
        EpochStartState = generator.get_state();
        Draw();
    }

    /// <summary>Rebuilds the epoch that started from <paramref name="state"/>.</summary>
    public void RestoreEpoch(Tensor state)
    {
        generator.set_state(state);
        NextEpoch();
    }

    /// <summary>Batch <paramref name="index"/> of the epoch (B, 784); the last partial batch is dropped by the caller.</summary>
    public Tensor Batch(int index, int batchSize)
    {
        using var rows = order!.narrow(0, (long)index * batchSize, batchSize);
        return binarized!.index_select(0, rows);
    }

    private void Draw()
    {
        binarized?.Dispose();
        order?.Dispose();
        using var _ = NewDisposeScope();
        binarized = (binarize ? greyLevels.bernoulli(generator) : greyLevels.alias()).MoveToOuterDisposeScope();
        order = randperm(Count, generator: generator, device: greyLevels.device).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        EpochStartState?.Dispose();
        order?.Dispose();
        binarized?.Dispose();
    }
}
