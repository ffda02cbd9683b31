using System.CommandLine;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae eval`: the paper's measures for one checkpoint, as a report folder.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var runtime = new RuntimeOptions();
        var checkpoint = new Option<string[]>("--checkpoint") { Description = "Run folder (or its checkpoint.json) of the model to evaluate." };
        var pretrained = PretrainedOption.Create();
        var output = new Option<string>("--out") { Description = "Folder for the report (report.md, report.json, PNG figures).", Required = true };
        var samples = IwSamplesOption();
        var testImages = new Option<int>("--test-images")
        {
            Description = "Evaluate on the first N test images only (0: all of them), e.g. to compare with python/'s evaluator on the same images.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("eval", "Test log-likelihood (importance-weighted), ELBO, KL and active units per layer, PCA, " +
            "what redrawing each layer's noise changes (pixels, class), samples: one model's report.");
        command.Options.Add(checkpoint);
        command.Options.Add(pretrained);
        command.Options.Add(output);
        command.Options.Add(samples);
        command.Options.Add(testImages);
        runtime.AddTo(command);
        command.SetAction(parsed =>
        {
            var checkpoints = PretrainedOption.Checkpoints(parsed, pretrained, parsed.GetValue(checkpoint) ?? []);
            if (checkpoints.Length != 1)
                throw new ArgumentException($"{checkpoints.Length} models given: name one, with --checkpoint RUN or --pretrained");
            var model = checkpoints[0];
            var options = new EvaluationOptions { Iw = new IwOptions { Samples = parsed.GetValue(samples) } }.Validated();
            var device = runtime.Apply(parsed);
            var data = parsed.GetValue(runtime.Data)!;
            var (train, test) = MnistDataset.Load(data);
            var first = parsed.GetValue(testImages);
            if (first < 0 || first > test.Count)
                throw new ArgumentException($"--test-images is {first}; it must be 0 (all) to {test.Count}");
            // Binarized from the same seed (TestImages.Prepare); libtorch draws Bernoulli pixels one by one in order, so the
            // first N images get the pixels they get in the whole set.
            if (first > 0) test = test.Take(first);
            var classifiers = Classifiers(data, train);
            var folder = parsed.GetValue(output)!;
            // Nothing is saved on a stop: a report half-computed is no report.
            using var stop = new ConsoleStop("stopping; no report will be written (again to end at once)");
            EvaluationReport report;
            try
            {
                report = EvalProgressView.Run($"evaluating {model} on {test.Count} test images",
                    progress => CheckpointEvaluation.Run(model, folder, test, options, classifiers, new ReportDrawing(), device, progress, stop.Token));
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("lvae: evaluation stopped; no report written");
                return stop.ExitCode;
            }
            AnsiConsole.MarkupLine(Markup.Escape(
                $"log p(x) >= {report.LogLikelihood:F2} nats (k = {report.IwSamples}), ELBO {report.Elbo:F2}, " +
                $"active units {string.Join("-", report.Layers.Select(l => l.ActiveUnits))}; report in {Path.Combine(folder, EvaluationFiles.Markdown)}"));
            AnsiConsole.MarkupLine(Markup.Escape(LayerEffectsLine(report)));
            return 0;
        });
        return command;
    }

    /// <summary>The classifier beside the data, with its notices (training, retraining) on the console: shared by `eval` and `compare`.</summary>
    public static ClassifierCache Classifiers(string dataFolder, MnistSplit train) =>
        new(ClassifierCache.PathIn(dataFolder), train, notice => AnsiConsole.MarkupLine(Markup.Escape(notice)));

    /// <summary>Each layer's effects, with the classifier's accuracy beside the class changes it judged.</summary>
    private static string LayerEffectsLine(EvaluationReport r) =>
        $"redrawing one layer's noise ({r.EffectDraws} prior draws, z1 first): pixel change {string.Join(" / ", r.Layers.Select(l => l.PixelChange.ToString("P2")))}; " +
        $"class change {ClassChanges(r)} (classifier test accuracy {r.ClassifierAccuracy:P2})";

    /// <summary>Each layer's class change, z1 first, as the reports write them.</summary>
    public static string ClassChanges(EvaluationReport r) => string.Join(" / ", r.Layers.Select(l => l.ClassChange.ToString("P1")));

    /// <summary>--iw-samples, shared by `eval` and `compare`.</summary>
    public static Option<int> IwSamplesOption() => new("--iw-samples")
    {
        Description = $"Importance samples per test image for log p(x) (the paper's {IwOptions.PaperSamples}; fewer for a quick look).",
        DefaultValueFactory = _ => IwOptions.PaperSamples,
    };
}
