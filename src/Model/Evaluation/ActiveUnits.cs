using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>One layer's active units: how much each unit's E_q[u | x] varies over the data, and how many pass the threshold.</summary>
public sealed record LayerActivity(double[] UnitVariances, int Active)
{
    public int Units => UnitVariances.Length;
}

/// <summary>
/// The paper's active units (after Burda et al.): unit u is active when Cov_x(E_q[u | x]) &gt; 0.01, i.e. when its
/// posterior mean changes with the input rather than sitting at the prior.
/// </summary>
public static class ActiveUnits
{
    public const double Threshold = 0.01;

    /// <summary>Measures one layer from its expected posterior means (N, D).</summary>
    public static LayerActivity Measure(Tensor expectedMeans)
    {
        using var scope = NewDisposeScope();
        var variance = expectedMeans.var(0, unbiased: false).cpu().to(ScalarType.Float64);
        var variances = variance.data<double>().ToArray();
        return new LayerActivity(variances, variances.Count(v => v > Threshold));
    }
}
