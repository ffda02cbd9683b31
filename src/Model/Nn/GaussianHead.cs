using TorchSharp;
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

    private readonly Linear mean;
    private readonly Linear variance;
    private readonly DenseBatchNorm? meanNorm;
    private readonly DenseBatchNorm? varianceNorm;

    public GaussianHead(long inputs, long outputs, bool batchNorm) : base(nameof(GaussianHead))
    {
        mean = Layers.GlorotLinear(inputs, outputs);
        variance = Layers.GlorotLinear(inputs, outputs);
        meanNorm = batchNorm ? new DenseBatchNorm(outputs) : null;
        varianceNorm = batchNorm ? new DenseBatchNorm(outputs) : null;
        RegisterComponents();
    }

    public override (Tensor Mean, Tensor Variance) forward(Tensor feature)
    {
        var m = mean.call(feature);
        var v = variance.call(feature);
        if (meanNorm is not null) m = meanNorm.call(m);
        if (varianceNorm is not null) v = varianceNorm.call(v);
        return (m, SoftplusOf.Value(v).add(Floor, HeldScalar.One));
    }
}
