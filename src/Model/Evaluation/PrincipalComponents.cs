using LvaeLive.Model.Nn;
using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// The principal components of a data set, largest first: each component's variance, the fraction of the total
/// variance it explains, and its direction (a unit vector; its sign is arbitrary).
/// </summary>
public sealed record PcaResult(double[] Variances, double[] VarianceExplained, double[][] Directions);

public static class PrincipalComponents
{
    /// <summary>PCA of the rows of <paramref name="data"/> (N, D), from the eigen-decomposition of their covariance.</summary>
    public static PcaResult Of(Tensor data)
    {
        if (data.shape[0] < 2) throw new ArgumentException($"PCA needs at least two rows (got {data.shape[0]})");
        using var scope = NewDisposeScope();
        var rows = data.to(ScalarType.Float64).cpu();
        var centred = rows - rows.mean([0], keepdim: true);
        using var degreesOfFreedom = new HeldScalar(rows.shape[0] - 1);
        var covariance = centred.t().mm(centred).div(degreesOfFreedom.Value); // (D, D)
        var (values, vectors) = linalg.eigh(covariance); // ascending
        var variances = values.flip(0).clamp_min(HeldScalar.Zero).data<double>().ToArray();
        var columns = vectors.flip(1).t().contiguous(); // (D, D), row j = component j
        var dimension = (int)columns.shape[1];
        var flat = columns.data<double>().ToArray();
        var directions = Enumerable.Range(0, variances.Length).Select(j => flat.AsSpan(j * dimension, dimension).ToArray()).ToArray();
        var total = variances.Sum();
        var explained = variances.Select(v => total > 0 ? v / total : 0).ToArray();
        return new PcaResult(variances, explained, directions);
    }
}
