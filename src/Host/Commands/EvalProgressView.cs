using LvaeLive.Model.Evaluation;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>Shows an evaluation as it goes: one progress bar per stage, with the time the stage still needs.</summary>
internal static class EvalProgressView
{
    public static T Run<T>(string title, Func<EvaluationProgress, T> evaluate)
    {
        AnsiConsole.MarkupLine(Markup.Escape(title));
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var stages = new Dictionary<string, ProgressTask>();
                return evaluate((stage, fraction) =>
                {
                    if (!stages.TryGetValue(stage, out var task))
                        stages[stage] = task = context.AddTask(Markup.Escape(stage), maxValue: 1);
                    task.Value = fraction;
                });
            });
    }
}
