using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>dense -> batch norm (when on) -> leaky ReLU, the unit every MLP of the paper is made of.</summary>
public sealed class DenseBlock : nn.Module<Tensor, Tensor>
{
    // Lasagne's leaky_rectify, which the reference code uses.
    private static readonly Scalar LeakySlope = HeldScalar.Constant(0.01);

    [ComponentName(Name = "dense")]
    private readonly Linear _dense;
    [ComponentName(Name = "norm")]
    private readonly DenseBatchNorm? _norm;

    /// <param name="weights">Draws the initial weights; null for a block whose weights are loaded next.</param>
    public DenseBlock(long inputs, long outputs, bool batchNorm, Generator? weights) : base(nameof(DenseBlock))
    {
        _dense = Layers.GlorotLinear(inputs, outputs, weights);
        _norm = batchNorm ? new DenseBatchNorm(outputs) : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var h = _dense.call(input);
        if (_norm is not null) h = _norm.call(h);
        // In place: neither the dense layer's nor batch norm's gradient needs its output, and the leaky ReLU's own
        // gradient is computed from its result as well as from its input (the slope is positive).
        return h.leaky_relu_(LeakySlope);
    }
}

/// <summary>Two dense blocks of the same width: one deterministic step of the paper's MLPs.</summary>
public sealed class DenseStack : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "first")]
    private readonly DenseBlock _first;
    [ComponentName(Name = "second")]
    private readonly DenseBlock _second;

    public DenseStack(long inputs, long width, bool batchNorm, Generator? weights) : base(nameof(DenseStack))
    {
        _first = new DenseBlock(inputs, width, batchNorm, weights);
        _second = new DenseBlock(width, width, batchNorm, weights);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _second.call(_first.call(input));
}
