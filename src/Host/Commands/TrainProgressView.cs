using LvaeLive.Model.Training;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Shows a training session: a live progress bar with epoch, step, ELBO, KL per layer, beta and samples/s, and one
/// line per finished epoch with its test ELBO, which stays in the scroll-back (and in logs, where there is no terminal).
/// </summary>
internal static class TrainProgressView
{
    public static void Run(TrainingSession session, string device, CancellationToken stop)
    {
        var trainer = session.Trainer;
        var totalSteps = (double)trainer.Options.Epochs * trainer.StepsPerEpoch;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(trainer.Model.Config.Describe())}[/] on {device}, {trainer.Options.Epochs} epochs of {trainer.StepsPerEpoch} steps, run folder [blue]{Markup.Escape(session.RunFolder)}[/]");

        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", maxValue: totalSteps);
                task.Value = trainer.Progress.Epoch * (double)trainer.StepsPerEpoch + trainer.Progress.StepInEpoch;
                session.Run(e => Show(e, task, trainer), stop);
                task.Value = task.MaxValue;
            });
    }

    private static void Show(TrainingEvent e, ProgressTask task, Trainer trainer)
    {
        switch (e)
        {
            case TrainingEvent.Stepped s:
                task.Value = s.Progress.Epoch * (double)trainer.StepsPerEpoch + s.Progress.StepInEpoch;
                task.Description = Markup.Escape(
                    $"epoch {s.Step.Epoch + 1}/{trainer.Options.Epochs} step {s.Step.StepInEpoch + 1}/{trainer.StepsPerEpoch} " +
                    $"ELBO {s.Step.Elbo,7:F1} KL {string.Join("|", s.Step.Kl.Select(k => k.ToString("F1")))} " +
                    $"beta {s.Step.Beta:F2} {s.SamplesPerSecond,5:F0} samples/s");
                break;
            case TrainingEvent.EpochEnded end:
                AnsiConsole.MarkupLine(Markup.Escape(
                    $"epoch {end.Epoch + 1,4}: test ELBO {end.Test.Elbo:F2} (reconstruction {end.Test.Reconstruction:F2}, " +
                    $"KL {string.Join(" ", end.Test.Kl.Select(k => k.ToString("F2")))}) saved {end.CheckpointFile}"));
                break;
            case TrainingEvent.Notice notice:
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(notice.Message)}[/]");
                break;
        }
    }
}
