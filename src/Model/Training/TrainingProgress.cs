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

    /// <summary>Rejects progress that no run can have reached, naming the field.</summary>
    public TrainingProgress Validated(SettingNames names)
    {
        names.Require(Epoch >= 0, nameof(Epoch), Epoch, "it must be 0 or more");
        names.Require(StepInEpoch >= 0, nameof(StepInEpoch), StepInEpoch, "it must be 0 or more");
        names.Require(GlobalStep >= 0, nameof(GlobalStep), GlobalStep, "it must be 0 or more");
        names.Require(LearningRate is > 0 and <= TrainOptions.MaxLearningRate, nameof(LearningRate), LearningRate, $"it must be a positive number up to {TrainOptions.MaxLearningRate:G2}");
        names.Require(SkippedSteps >= 0 && SkippedSteps <= GlobalStep, nameof(SkippedSteps), SkippedSteps, $"it must be 0 to {names[nameof(GlobalStep)]} ({GlobalStep})");
        names.Require(Restores >= 0, nameof(Restores), Restores, "it must be 0 or more");
        names.Require(TrainingSeconds >= 0 && double.IsFinite(TrainingSeconds), nameof(TrainingSeconds), TrainingSeconds, "it must be 0 or more");
        // TestElbo records what the last evaluation gave, non-finite included, and feeds nothing: any value is true.
        return this;
    }
}
