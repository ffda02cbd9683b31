using LvaeLive.Model.Evaluation;

namespace LvaeLive.Model.Training;

/// <summary>What a training session tells its viewer: steps, epoch ends with their test score, and notices.</summary>
public abstract record TrainingEvent
{
    /// <summary>A step was taken; <paramref name="SamplesPerSecond"/> is measured over the recent steps.</summary>
    public sealed record Stepped(StepResult Step, TrainingProgress Progress, double SamplesPerSecond) : TrainingEvent;

    /// <summary>An epoch ended and the model was scored on the test set and saved.</summary>
    public sealed record EpochEnded(int Epoch, ElboReport Test, string CheckpointFile) : TrainingEvent;

    /// <summary>Something the user should know: a skipped step, a restore, a checkpoint on stop.</summary>
    public sealed record Notice(string Message) : TrainingEvent;
}
