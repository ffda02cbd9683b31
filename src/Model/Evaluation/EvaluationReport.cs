namespace LvaeLive.Model.Evaluation;

/// <summary>
/// One stochastic layer's measures: nats for KL; for the changes that redrawing the layer's noise alone makes
/// (<see cref="LayerEffects"/>), the mean absolute change per pixel of E[x | z_1] (grey levels, 0 to 1) and the fraction of
/// draws whose digit changes class. A format-1 report lacks the two; they read as 0 there.
/// </summary>
public sealed record LayerReport(int Layer, int Units, double Kl, int ActiveUnits, double[] UnitVariances, double[] PcaVarianceExplained,
    double PixelChange, double ClassChange);

/// <summary>How long the parts of an evaluation took, kept apart from the numbers so that runs compare without it.</summary>
public sealed record EvaluationTiming(double TotalSeconds, double ImportanceSamplingSeconds, double ImportanceSamplesPerSecond);

/// <summary>
/// The paper's measures for one trained model on the test set (report.json): the importance-weighted log-likelihood
/// and the 1-sample ELBO, per image in nats, and per layer the KL, the active units and the PCA of the posterior means.
/// Format 2 adds what each layer's noise changes, with the prior draws and the classifier's accuracy behind it.
/// </summary>
public sealed record EvaluationReport
{
    public const int CurrentFormat = 2;

    public int Format { get; init; } = CurrentFormat;
    public required string Model { get; init; }
    public required LvaeConfig Config { get; init; }
    public required int EpochsTrained { get; init; }
    /// <summary>The SHA-256 of the weights evaluated: names the checkpoint exactly, so a stale report is recognised.</summary>
    public required string WeightsSha256 { get; init; }
    public required int Images { get; init; }
    public required int IwSamples { get; init; }
    public required double LogLikelihood { get; init; }
    public required double Elbo { get; init; }
    public required double Reconstruction { get; init; }
    public required LayerReport[] Layers { get; init; }
    public required EvaluationTiming Timing { get; init; }
    // Not required: a format-1 report has neither, and must still read (see Comparison), as 0.
    /// <summary>Prior draws behind each layer's pixel and class change.</summary>
    public int EffectDraws { get; init; }
    /// <summary>The test accuracy of the digit classifier that judged the class changes.</summary>
    public double ClassifierAccuracy { get; init; }

    public int TotalActiveUnits => Layers.Sum(layer => layer.ActiveUnits);
}
