using LvaeLive.Model.Training;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// checkpoint.json: the configuration and progress of a run, and the name of the weights file beside it. Written
/// last, so it always names a complete weights file.
/// </summary>
public sealed record CheckpointInfo
{
    /// <summary>
    /// 2: the training options name their learning-rate schedule. Format 1, from before there was a choice, is still
    /// read (<see cref="Upgraded"/>): its rate decayed by learningRateDecay every epoch.
    /// </summary>
    public const int CurrentFormat = 2;
    private const int FirstFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required LvaeConfig Model { get; init; }
    public required TrainOptions Training { get; init; }
    public required TrainingProgress Progress { get; init; }
    public required string WeightsFile { get; init; }
    /// <summary>SHA-256 of the weights file, hex: a truncated or altered file is refused rather than half-loaded.</summary>
    public required string WeightsSha256 { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    /// <summary>
    /// The weights file holds the model alone, without optimizer and generator states (an exported model, such as the
    /// shipped one): it can be shown, evaluated and trained on from, but not resumed. Left out of the JSON when false.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool WeightsOnly { get; init; }

    /// <summary>Rejects an index whose fields are missing or out of range, naming the field.</summary>
    public CheckpointInfo Validated()
    {
        var names = SettingNames.Json();
        names.Require(Format is >= FirstFormat and <= CurrentFormat, nameof(Format), Format, $"this build reads formats {FirstFormat} to {CurrentFormat}");
        // null is what System.Text.Json gives for an explicit JSON null, whatever the annotations say.
        names.Require(Model is not null, nameof(Model), Model, "it must describe the model's shape");
        names.Require(Training is not null, nameof(Training), Training, "it must hold the training options");
        names.Require(Progress is not null, nameof(Progress), Progress, "it must hold the run's progress");
        // A bare file name: the weights sit beside checkpoint.json, and an index must not point elsewhere.
        names.Require(!string.IsNullOrEmpty(WeightsFile) && WeightsFile is not ("." or "..") && WeightsFile.IndexOfAny(Path.GetInvalidFileNameChars()) < 0,
            nameof(WeightsFile), WeightsFile, $"it must name the weights file beside {CheckpointStore.IndexFile}");
        names.Require(WeightsSha256 is { Length: 64 } && WeightsSha256.All(char.IsAsciiHexDigit), nameof(WeightsSha256), WeightsSha256,
            "it must be the weights file's SHA-256 in hex (64 digits)");
        Model!.Validated(SettingNames.Json("model."));
        Training!.Validated(SettingNames.Json("training."));
        Progress!.Validated(SettingNames.Json("progress."));
        // SavedAt is a note for people and feeds nothing: any time is accepted.
        return this;
    }

    /// <summary>
    /// The index in the current format. A format-1 run, from before schedules, multiplied its rate by learningRateDecay
    /// every epoch (1: constant) from the rate it started or was trained on at, and halved it at each restore. The file
    /// does not say at which epoch that decay started: it is the one from which the decay leads to the saved rate.
    /// </summary>
    public CheckpointInfo Upgraded()
    {
        if (Format == CurrentFormat) return this;
        var training = Training with { LearningRateSchedule = LearningRateSchedule.Exponential, ScheduleStartEpoch = 0 };
        var decay = training.LearningRateDecay;
        if (decay != 1)
        {
            var atStart = training.LearningRate * Math.Pow(Trainer.RestoreLearningRateFactor, Progress.Restores);
            var epochsDecayed = (int)Math.Round(Math.Log(Progress.LearningRate / atStart) / Math.Log(decay));
            training = training with { ScheduleStartEpoch = Math.Clamp(Progress.Epoch - epochsDecayed, 0, training.Epochs - 1) };
        }
        return this with { Format = CurrentFormat, Training = training };
    }
}
