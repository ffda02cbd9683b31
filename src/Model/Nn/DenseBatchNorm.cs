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

    private readonly Parameter _weight;
    private readonly Parameter _bias;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVariance;
    private readonly Tensor _batchesTracked;

    public DenseBatchNorm(long features) : base(nameof(DenseBatchNorm))
    {
        _weight = nn.Parameter(ones(features));
        _bias = nn.Parameter(zeros(features));
        _runningMean = zeros(features);
        _runningVariance = ones(features);
        _batchesTracked = zeros(1, ScalarType.Int64).squeeze();
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
        register_buffer("running_mean", _runningMean);
        register_buffer("running_var", _runningVariance);
        register_buffer("num_batches_tracked", _batchesTracked);
    }

    public override Tensor forward(Tensor input)
    {
        if (training) _batchesTracked.add_(OneBatch, OneBatch);
        return nn.functional.batch_norm(input, _runningMean, _runningVariance, _weight, _bias, training, Momentum, Epsilon);
    }
}
