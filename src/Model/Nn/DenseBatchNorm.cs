using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>
/// Batch norm over the features of a (B, D) batch, computed as TorchSharp's BatchNorm1d computes it and saved under
/// the same names (weight, bias, running_mean, running_var, num_batches_tracked), so checkpoints are unchanged. It
/// exists because BatchNorm1d counts its batches with a temporary Scalar (see <see cref="HeldScalar"/>).
/// </summary>
public sealed class DenseBatchNorm : nn.Module<Tensor, Tensor>
{
    /// <summary>PyTorch's defaults, which the paper's reference code keeps.</summary>
    public const double Epsilon = 1e-5;
    private const double Momentum = 0.1;
    private static readonly Scalar OneBatch = HeldScalar.Constant(1L);

    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Tensor runningMean;
    private readonly Tensor runningVariance;
    private readonly Tensor batchesTracked;

    public DenseBatchNorm(long features) : base(nameof(DenseBatchNorm))
    {
        weight = nn.Parameter(ones(features));
        bias = nn.Parameter(zeros(features));
        runningMean = zeros(features);
        runningVariance = ones(features);
        batchesTracked = zeros(1, ScalarType.Int64).squeeze();
        register_parameter("weight", weight);
        register_parameter("bias", bias);
        register_buffer("running_mean", runningMean);
        register_buffer("running_var", runningVariance);
        register_buffer("num_batches_tracked", batchesTracked);
    }

    public override Tensor forward(Tensor input)
    {
        if (training) batchesTracked.add_(OneBatch, OneBatch);
        return nn.functional.batch_norm(input, runningMean, runningVariance, weight, bias, training, Momentum, Epsilon);
    }
}
