using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// One epoch's view of the training images: re-binarized (a Bernoulli draw of each grey level; grey levels stay as
/// they are for a Gaussian likelihood) and shuffled, both from one generator whose state at the epoch's start is
/// kept, so that a resumed run rebuilds the same epoch.
/// </summary>
internal sealed class EpochData : IDisposable
{
    private readonly Tensor _greyLevels;
    private readonly Generator _generator;
    private readonly bool _binarize;
    private Tensor? _binarized;
    private Tensor? _order;

    public EpochData(Tensor greyLevels, Generator generator, bool binarize)
    {
        _greyLevels = greyLevels;
        _generator = generator;
        _binarize = binarize;
    }

    public long Count => _greyLevels.shape[0];

    /// <summary>The generator's state at the start of the current epoch.</summary>
    public Tensor? EpochStartState { get; private set; }

    /// <summary>Draws a new epoch: binarization and order.</summary>
    public void NextEpoch()
    {
        EpochStartState?.Dispose();
        EpochStartState = _generator.get_state();
        Draw();
    }

    /// <summary>Rebuilds the epoch that started from <paramref name="state"/>.</summary>
    public void RestoreEpoch(Tensor state)
    {
        _generator.set_state(state);
        NextEpoch();
    }

    /// <summary>Batch <paramref name="index"/> of the epoch (B, 784); the last partial batch is dropped by the caller.</summary>
    public Tensor Batch(int index, int batchSize)
    {
        using var rows = _order!.narrow(0, (long)index * batchSize, batchSize);
        return _binarized!.index_select(0, rows);
    }

    private void Draw()
    {
        _binarized?.Dispose();
        _order?.Dispose();
        using var _ = NewDisposeScope();
        _binarized = (_binarize ? _greyLevels.bernoulli(_generator) : _greyLevels.alias()).MoveToOuterDisposeScope();
        _order = randperm(Count, generator: _generator, device: _greyLevels.device).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        EpochStartState?.Dispose();
        _order?.Dispose();
        _binarized?.Dispose();
    }
}
