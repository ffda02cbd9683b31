using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>dense -> batch norm (when on) -> leaky ReLU, the unit every MLP of the paper is made of.</summary>
public sealed class DenseBlock : nn.Module<Tensor, Tensor>
{
    // Lasagne's leaky_rectify, which the reference code uses.
    private static readonly Scalar LeakySlope = HeldScalar.Constant(0.01);

    private readonly Linear dense;
    private readonly DenseBatchNorm? norm;

    public DenseBlock(long inputs, long outputs, bool batchNorm) : base(nameof(DenseBlock))
    {
        dense = Layers.GlorotLinear(inputs, outputs);
        norm = batchNorm ? new DenseBatchNorm(outputs) : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var h = dense.call(input);
        if (norm is not null) h = norm.call(h);
        return h.leaky_relu(LeakySlope);
    }
}

/// <summary>Two dense blocks of the same width: one deterministic step of the paper's MLPs.</summary>
public sealed class DenseStack : nn.Module<Tensor, Tensor>
{
    private readonly DenseBlock first;
    private readonly DenseBlock second;

    public DenseStack(long inputs, long width, bool batchNorm) : base(nameof(DenseStack))
    {
        first = new DenseBlock(inputs, width, batchNorm);
        second = new DenseBlock(width, width, batchNorm);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => second.call(first.call(input));
}
