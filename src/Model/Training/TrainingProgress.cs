namespace LvaeLive.Model.Training;

/// <summary>Where a run stands; saved in every checkpoint so that a resumed run continues from exactly here.</summary>
public sealed record TrainingProgress
{
    /// <summary>The epoch being trained (0-based); equals the number of finished epochs.</summary>
    public int Epoch { get; init; }
    /// <summary>Steps already taken within <see cref="Epoch"/>.</summary>
    public int StepInEpoch { get; init; }
    public long GlobalStep { get; init; }
    public double LearningRate { get; init; }
    /// <summary>The last test ELBO (nats), if an evaluation has run.</summary>
    public double? TestElbo { get; init; }
    public int SkippedSteps { get; init; }
    public int Restores { get; init; }
    /// <summary>Seconds of training so far, over every resumed part of the run.</summary>
    public double TrainingSeconds { get; init; }
}
