using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

/// <summary>
/// z ~ N(0, I_2), x | z ~ N(W z + b, s^2 I_5): its marginal p(x) = N(b, W W^T + s^2 I) is known in closed form. W's
/// columns are orthogonal, so the exact posterior is a diagonal Gaussian; the proposal q is that posterior shifted and
/// widened, so that importance weights vary and only many samples reach log p(x).
/// </summary>
internal sealed class LinearGaussianModel : IImportanceSampler
{
    private const double NoiseVariance = 0.5;
    private const double ProposalShift = 0.3;
    private const double ProposalWidening = 2.0;
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    private readonly Tensor _weights = tensor(new double[,] { { 1.5, 0 }, { 1.5, 0 }, { 0, 0.8 }, { 0, -0.8 }, { 0, 0.8 } });
    private readonly Tensor _bias = tensor(new double[] { 0.5, -1, 0, 2, 0.3 });

    /// <summary>Draws <paramref name="count"/> points x from the model.</summary>
    public Tensor Sample(int count, Generator generator)
    {
        var z = randn([count, 2], ScalarType.Float64, generator: generator);
        return z.mm(_weights.t()) + _bias + Math.Sqrt(NoiseVariance) * randn([count, 5], ScalarType.Float64, generator: generator);
    }

    /// <summary>log p(x) = log N(x; b, W W^T + s^2 I), per row.</summary>
    public Tensor LogMarginal(Tensor x)
    {
        var covariance = _weights.mm(_weights.t()) + NoiseVariance * eye(5, dtype: ScalarType.Float64);
        var centred = x - _bias; // (N, 5)
        var solved = linalg.solve(covariance, centred.t()).t();
        var (_, logDeterminant) = linalg.slogdet(covariance);
        return -0.5 * ((centred * solved).sum(1) + logDeterminant + 5 * LogTwoPi);
    }

    public DrawLogWeights Prepare(Tensor x) => (samples, noise) => LogWeights(x, samples, noise);

    private Tensor LogWeights(Tensor x, int samples, Generator noise)
    {
        // Exact posterior: covariance (I + W^T W / s^2)^-1, diagonal here; mean = cov W^T (x - b) / s^2.
        var posteriorVariance = (1 + _weights.square().sum([0]) / NoiseVariance).reciprocal(); // (2)
        var posteriorMean = (x - _bias).mm(_weights) / NoiseVariance * posteriorVariance; // (B, 2)
        var proposalMean = posteriorMean + ProposalShift;
        var proposalVariance = ProposalWidening * posteriorVariance;
        var z = proposalMean + proposalVariance.sqrt() * randn([samples, x.shape[0], 2], ScalarType.Float64, generator: noise); // (S, B, 2)
        var logPrior = LogDensity(z, zeros_like(z), ones_like(z));
        var logObservation = LogDensity(x.expand(samples, -1, -1), z.matmul(_weights.t()) + _bias, full_like(x.expand(samples, -1, -1), NoiseVariance));
        var logProposal = LogDensity(z, proposalMean.expand_as(z), proposalVariance.expand_as(z));
        return logPrior + logObservation - logProposal;
    }

    private static Tensor LogDensity(Tensor value, Tensor mean, Tensor variance) =>
        -0.5 * (LogTwoPi + variance.log() + (value - mean).square() / variance).sum(-1);
}
