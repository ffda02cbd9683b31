using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>
/// mu = Linear(d), var = Softplus(Linear(d)) + floor: a diagonal Gaussian from a deterministic feature. With batch
/// norm on, both linear maps are normalised too, as in the reference code.
/// </summary>
public sealed class GaussianHead : nn.Module<Tensor, (Tensor Mean, Tensor Variance)>
{
    /// <summary>Keeps every variance away from zero so that logs and precisions stay finite (the paper's 1e-5).</summary>
    public const double VarianceFloor = 1e-5;
    private static readonly Scalar Floor = HeldScalar.Constant(VarianceFloor);

    [ComponentName(Name = "mean")]
    private readonly Linear _mean;
    [ComponentName(Name = "variance")]
    private readonly Linear _variance;
    [ComponentName(Name = "meanNorm")]
    private readonly DenseBatchNorm? _meanNorm;
    [ComponentName(Name = "varianceNorm")]
    private readonly DenseBatchNorm? _varianceNorm;

    /// <param name="weights">Draws the initial weights; null for a head whose weights are loaded next.</param>
    public GaussianHead(long inputs, long outputs, bool batchNorm, Generator? weights) : base(nameof(GaussianHead))
    {
        _mean = Layers.GlorotLinear(inputs, outputs, weights);
        _variance = Layers.GlorotLinear(inputs, outputs, weights);
        _meanNorm = batchNorm ? new DenseBatchNorm(outputs) : null;
        _varianceNorm = batchNorm ? new DenseBatchNorm(outputs) : null;
        RegisterComponents();
    }

    public override (Tensor Mean, Tensor Variance) forward(Tensor feature)
    {
        var m = _mean.call(feature);
        var v = _variance.call(feature);
        if (_meanNorm is not null) m = _meanNorm.call(m);
        if (_varianceNorm is not null) v = _varianceNorm.call(v);
        return (m, SoftplusOf.Value(v).add_(Floor, HeldScalar.One));
    }
}
