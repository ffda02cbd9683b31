using LvaeLive.Model.Training;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// checkpoint.json: the configuration and progress of a run, and the name of the weights file beside it. Written
/// last, so it always names a complete weights file.
/// </summary>
public sealed record CheckpointInfo
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required LvaeConfig Model { get; init; }
    public required TrainOptions Training { get; init; }
    public required TrainingProgress Progress { get; init; }
    public required string WeightsFile { get; init; }
    /// <summary>SHA-256 of the weights file, hex: a truncated or altered file is refused rather than half-loaded.</summary>
    public required string WeightsSha256 { get; init; }
    public DateTimeOffset SavedAt { get; init; }
}
