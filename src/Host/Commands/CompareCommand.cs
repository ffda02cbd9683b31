using System.CommandLine;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae compare`: the paper's experiment, VAE against LVAE (and the ablations), trained and evaluated into one report.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var runtime = new RuntimeOptions();
        var output = new Option<string>("--out") { Description = "Folder for the runs (runs/NAME, resumable) and the comparison report.", Required = true };
        var ablations = new Option<bool>("--ablations") { Description = "Also train each model without batch norm and without warm-up." };
        var samples = EvalCommand.IwSamplesOption();

        var command = new Command("compare", "Train the VAE and the LVAE with the same budget and seed, evaluate both, and write the paper's comparison. Re-run to resume.");
        model.AddTo(command);
        runtime.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(ablations);
        command.Options.Add(samples);
        command.SetAction(parsed =>
        {
            if (parsed.GetResult(model.Model) is { Implicit: false })
                throw new ArgumentException("--model: compare trains both the VAE and the LVAE; drop --model");
            var plan = ComparedModel.Plan(model.Config(parsed), model.Training(parsed), parsed.GetValue(ablations));
            var evaluation = new EvaluationOptions { Iw = new IwOptions { Samples = parsed.GetValue(samples) } }.Validated();
            var device = runtime.Apply(parsed);
            var deviceName = device.type.ToString().ToLowerInvariant();
            var data = parsed.GetValue(runtime.Data)!;
            var (train, test) = MnistDataset.Load(data);
            var folder = parsed.GetValue(output)!;
            var comparison = new Comparison(folder, plan, evaluation, train, test, EvalCommand.Classifiers(data, train), new ReportDrawing(), device);
            var hooks = new ComparisonHooks(
                (_, session, stop) => TrainProgressView.Run(session, deviceName, stop),
                (compared, evaluate) => EvalProgressView.Run($"evaluating {compared.Label} on {test.Count} test images", evaluate));

            using var stop = new ConsoleStop();
            try
            {
                var report = comparison.Run(hooks, stop.Token);
                AnsiConsole.MarkupLine(Markup.Escape($"report in {Path.Combine(folder, ComparisonFiles.Markdown)}"));
                foreach (var m in report.Models)
                    AnsiConsole.MarkupLine(Markup.Escape($"{m.Label,-28} log p(x) {m.Evaluation.LogLikelihood,8:F2}  ELBO {m.Evaluation.Elbo,8:F2}  active units {string.Join("-", m.Evaluation.Layers.Select(l => l.ActiveUnits))}  " +
                        $"class change per layer {EvalCommand.ClassChanges(m.Evaluation)}"));
                AnsiConsole.MarkupLine(Markup.Escape($"class changes judged by a digit classifier with {report.Models[0].Evaluation.ClassifierAccuracy:P2} test accuracy"));
                return 0;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"lvae: stopped; the runs are saved: run the same command again to continue");
                return stop.ExitCode;
            }
        });
        return command;
    }
}
