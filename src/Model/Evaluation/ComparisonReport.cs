using LvaeLive.Model.Training;

namespace LvaeLive.Model.Evaluation;

/// <summary>One model's place in a comparison: how it was trained, and its evaluation (whose files lie in <see cref="EvaluationFolder"/>).</summary>
public sealed record ComparedResult(string Name, string Label, TrainOptions Training, string EvaluationFolder, EvaluationReport Evaluation);

/// <summary>comparison.json: every model of a comparison with its evaluation, in the order trained.</summary>
public sealed record ComparisonReport
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public required IReadOnlyList<ComparedResult> Models { get; init; }
}
