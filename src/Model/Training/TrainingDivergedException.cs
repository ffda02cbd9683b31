namespace LvaeLive.Model.Training;

/// <summary>
/// Training gave up: its losses stayed non-finite through every restore of the last checkpoint, each at a lower
/// learning rate. The run folder still holds that checkpoint whole; the message says what to change.
/// </summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
