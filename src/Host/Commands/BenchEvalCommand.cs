using System.CommandLine;
using LvaeLive.Model;
using LvaeLive.Model.Benchmarks;
using LvaeLive.Model.Evaluation;
using Spectre.Console;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae bench eval`: the importance-weighted evaluation's throughput and peak memory at the paper's k.</summary>
internal static class BenchEvalCommand
{
    /// <summary>The issue's bound: the whole test set at k = 5000 must fit in this much memory, whatever k.</summary>
    private const long MemoryTargetBytes = 4L << 30;
    /// <summary>The issue's bound on speed: the evaluation's matrix work at this fraction of the same run's torch.mm rate.</summary>
    private const double FractionTarget = 0.25;

    public static Command Create()
    {
        var runtime = new RuntimeOptions();
        var images = new Option<int>("--images") { Description = "Test images to time (the full set's time is extrapolated).", DefaultValueFactory = _ => IwOptions.PaperImagesPerBatch };
        var rowsPerForward = new Option<int>("--rows-per-forward") { Description = "(image, sample) rows per forward pass: the chunk that bounds memory.", DefaultValueFactory = _ => new IwOptions().RowsPerForward };
        var command = new Command("eval", $"Throughput (images x k per second) and peak memory of the importance-weighted log-likelihood at k = 500 and {IwOptions.PaperSamples}.");
        runtime.AddTo(command);
        command.Options.Add(images);
        command.Options.Add(rowsPerForward);
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(images);
            if (count <= 0) throw new ArgumentException($"--images must be positive (got {count})");
            var rows = parsed.GetValue(rowsPerForward);
            new IwOptions { RowsPerForward = rows }.Validated();
            var device = runtime.Apply(parsed);
            var config = new LvaeConfig();
            AnsiConsole.MarkupLine(Markup.Escape($"timing {config.Describe()} on {count} images at k = 500 and {IwOptions.PaperSamples} ..."));
            var report = IwBenchmark.Run(config, [500, IwOptions.PaperSamples], count, rows, device);
            Print(report, device.type.ToString().ToLowerInvariant());
            return 0;
        });
        return command;
    }

    private static void Print(IwBenchmarkReport r, string device)
    {
        var table = new Table().AddColumns("k", "pairs/s", "GFLOP/s", "torch.mm GFLOP/s", "% of mm", "full test set", "peak memory");
        table.Title = new TableTitle($"importance-weighted log-likelihood: {device}, {r.Threads} libtorch threads, {r.RowsPerForward} rows per forward pass, " +
            $"{r.Rows[0].Images} images timed");
        foreach (var row in r.Rows)
        {
            var peak = $"{Gib(row.PeakBytes)} ({(row.PeakBytes <= MemoryTargetBytes ? "within" : "OVER")} 4 GiB){(row.PeakWasReset ? "" : " since start")}";
            table.AddRow($"{row.Samples}", $"{row.PairsPerSecond:F0}", $"{row.FlopsPerSecond / 1e9:F1}", $"{row.MatmulFlopsPerSecond / 1e9:F1}",
                $"{row.FractionOfMatmul:P0}", Duration(row.FullTestSetSeconds(r.TestImages)), peak);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"(image, sample) pairs per second; GFLOP/s of matrix work, {r.FlopsPerPair / 1e6:F2} MFLOP per pair and " +
            $"{r.FlopsPerImage / 1e6:F2} MFLOP per image; torch.mm {MatmulRate.Side} x {MatmulRate.Side} float32 timed just before each row " +
            $"(target {FractionTarget:P0} of it); the full {r.TestImages}-image test set's time extrapolated"));
        AnsiConsole.MarkupLine(Markup.Escape($"resident before timing, with the {r.TestImages}-image test set loaded: {Gib(r.BaselineBytes)}"));
    }

    private static string Gib(long bytes) => $"{bytes / (double)(1L << 30):F2} GiB";

    private static string Duration(double seconds) => TimeSpan.FromSeconds(seconds).ToString(seconds >= 86400 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss");
}
