using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Inference;

/// <summary>
/// A copy of a model's state (parameters and batch-norm statistics) taken between training steps on the training
/// thread, and handed whole to the thread that renders. Captures reuse the snapshot's own tensors, so taking one
/// every few hundred milliseconds allocates nothing.
/// </summary>
public sealed class WeightSnapshot : IDisposable
{
    private readonly (string Name, Tensor Copy)[] _tensors;

    public WeightSnapshot(HierarchicalModel model)
    {
        Config = model.Config;
        using var _ = no_grad();
        // The scope takes the detached views; the copies leave it, and Dispose frees them.
        using var scope = NewDisposeScope();
        _tensors = model.state_dict().Select(entry => (entry.Key, entry.Value.detach().clone().DetachFromDisposeScope())).ToArray();
    }

    public LvaeConfig Config { get; }

    /// <summary>Training steps the source model had taken when this snapshot was captured.</summary>
    public long Step { get; private set; }

    /// <summary>Counts captures across every snapshot of one exchange, so the newest is known even after a restore.</summary>
    internal long Sequence { get; set; }

    /// <summary>Copies the model's current state into this snapshot (call on the thread that trains it).</summary>
    public void Capture(HierarchicalModel model, long step)
    {
        using var _ = no_grad();
        var state = model.state_dict();
        foreach (var (name, copy) in _tensors) copy.copy_(state[name]);
        Step = step;
    }

    /// <summary>
    /// Copies this snapshot into a model of the same shape, or, into a model built without batch norm, the weights
    /// with each batch norm folded into the dense layer before it.
    /// </summary>
    internal void ApplyTo(HierarchicalModel model)
    {
        if (model.Config.Equals(Config))
        {
            using var _ = no_grad();
            var state = model.state_dict();
            foreach (var (name, copy) in _tensors) state[name].copy_(copy);
            return;
        }
        if (!model.Config.Equals(Config with { BatchNorm = false }))
            throw new ArgumentException($"a snapshot of a {Config.Describe()} model cannot load into a {model.Config.Describe()} one");
        var byName = _tensors.ToDictionary(t => t.Name, t => t.Copy);
        BatchNormFolding.Fold(name => byName.GetValueOrDefault(name), model.state_dict());
    }

    public void Dispose()
    {
        foreach (var (_, copy) in _tensors) copy.Dispose();
    }
}
