using System.CommandLine;
using LvaeLive.Model;
using LvaeLive.Model.Benchmarks;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae bench train`: the training step's speed against the machine's matrix-multiply rate.</summary>
internal static class BenchTrainCommand
{
    /// <summary>The step should reach this fraction of torch.mm's rate (issue 13).</summary>
    private const double TargetFractionOfMatmul = 0.5;
    /// <summary>The view's decode of a grid should leave most of a 60 fps frame to drawing and training (issue 13).</summary>
    private const double DecodeTargetSeconds = 1.5e-3;

    public static Command Create()
    {
        var runtime = new RuntimeOptions();
        var batch = new Option<int>("--batch-size") { Description = "Images per step.", DefaultValueFactory = _ => 256 };
        var command = new Command("train", "Samples/s and FLOP rate of one training step of the default LVAE, against torch.mm; decode time of a 64-digit grid.");
        runtime.AddTo(command);
        command.Options.Add(batch);
        command.SetAction(parsed =>
        {
            var device = runtime.Apply(parsed);
            var config = new LvaeConfig();
            var report = TrainStepBenchmark.Run(config, parsed.GetValue(batch), device);
            Print(report, config, device.type.ToString().ToLowerInvariant());
            return 0;
        });
        return command;
    }

    private static void Print(TrainStepReport r, LvaeConfig config, string device)
    {
        var table = new Table().AddColumns("measure", "value");
        table.Title = new TableTitle($"training step: {config.Describe()}, batch {r.BatchSize}, {device}, {r.Threads} libtorch threads");
        table.AddRow("samples/s", $"{r.SamplesPerSecond:F0}");
        table.AddRow("step time (median)", $"{r.StepSeconds * 1e3:F2} ms");
        table.AddRow("FLOPs per step (6 m k n per dense layer)", $"{r.StepFlops / 1e9:F3} GFLOP");
        table.AddRow("step FLOP rate", $"{r.StepFlopsPerSecond / 1e9:F1} GFLOP/s");
        table.AddRow($"torch.mm {MatmulRate.Side} x {MatmulRate.Side} float32", $"{r.MatmulFlopsPerSecond / 1e9:F1} GFLOP/s");
        table.AddRow("step rate, % of mm", $"{r.FractionOfMatmul * 100:F0} % (target {TargetFractionOfMatmul * 100:F0} %)");
        table.AddRow("  time in matrix products (timed alone)", Share(r.MatrixProductSeconds, r.StepSeconds));
        table.AddRow("  time in batch norm, forward + backward", Share(r.BatchNormSeconds, r.StepSeconds));
        table.AddRow("  the rest (activations, KL terms, Adam, ...)", Share(r.OtherSeconds, r.StepSeconds));
        table.AddRow("ceiling: the products alone, % of mm", $"{r.ProductsOnlyFractionOfMatmul * 100:F0} %");
        table.AddRow("time the target leaves beside the products", $"{r.SecondsBesideProductsAt(TargetFractionOfMatmul) * 1e3:F2} ms " +
            $"(now {r.SecondsBesideProducts * 1e3:F2} ms)");
        table.AddRow($"decode {r.DecodeGridSize} digits, inference copy (median)", $"{r.DecodeGridSeconds * 1e3:F2} ms (target < {DecodeTargetSeconds * 1e3:F1} ms)");
        AnsiConsole.Write(table);
    }

    private static string Share(double part, double whole) => $"{part * 1e3:F2} ms ({part / whole * 100:F0} %)";
}
