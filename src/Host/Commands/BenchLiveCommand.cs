using System.CommandLine;
using LvaeLive.Files.Time;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Host.Settings;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using LvaeLive.Model;
using LvaeLive.Render.Settings;
using LvaeLive.Shaders.Canvas;
using Silk.NET.Vulkan;
using Spectre.Console;
using TorchSharp;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae bench live`: the headless live view at 1280x720 and at 1920x1080 while training, against training alone: frames per second
/// (median and 95th-percentile frame time) and training samples/s in both. The view runs the live view's frame loop on
/// a frame clock at the target rate, unpaced, so that it draws as fast as it can; frame times are measured on the wall.
/// With --race, the race view of two models, each model's samples/s beside its speed alone. The view is opened as
/// `lvae live` opens it (<see cref="ShowComposition"/>), from new models of the default shape.
/// </summary>
internal static class BenchLiveCommand
{
    /// <summary>The frame clock's rate: the target, so that a measurement of N seconds is about N seconds at the target.</summary>
    private const int FramesPerSecond = 30;

    /// <summary>The canvas sizes measured: the default window, and full HD for the stage.</summary>
    private static readonly Extent2D[] Sizes = [new(1280, 720), new(1920, 1080)];

    /// <summary>Test digits that each training run evaluates at an epoch's end: few, so that evaluation weighs little on the speed measured.</summary>
    private const int EvaluationDigits = 1000;

    public static Command Create()
    {
        var seconds = ViewSettings.BenchSeconds.CreateOption();
        // The view's libtorch threads are `lvae live`'s default; training alone uses every core, as `lvae train` does.
        var runtime = new RuntimeOptions(ViewSettings.LiveTorchThreads);
        var race = new Option<string?>("--race") { Description = $"Measure the race view: {RaceSpelling.Help}.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("live", "Frames per second of the live view while training, and training speed with and without it " +
            "(--threads: libtorch's threads while live; training alone uses every core).")
        {
            seconds, runtime.Threads, runtime.Data, race,
        };
        command.SetAction(parsed =>
        {
            var length = TimeSpan.FromSeconds(ViewSettings.BenchSeconds.Checked(parsed.GetValue(seconds)));
            var threads = runtime.CheckedThreads(parsed);
            var models = parsed.GetResult(race) is null
                ? [new RaceEntrant("LVAE", new LvaeConfig(), Presets.Cpu)]
                : RaceSpelling.Parse(parsed.GetValue(race) ?? RaceSpelling.Default, new LvaeConfig(), Presets.Cpu);
            var lavapipe = LavapipeThreads.Ensure(ViewSettings.DefaultLavapipeThreads(training: true));
            var (train, test) = MnistDataset.Load(parsed.GetValue(runtime.Data)!);
            var data = ShowData.ForBenchmark(train, test, EvaluationDigits);
            var folder = Directory.CreateTempSubdirectory("lvae-bench-live-").FullName;
            try
            {
                torch.set_num_threads(Environment.ProcessorCount);
                var alone = models.Select((model, i) => TrainAlone(Path.Combine(folder, $"alone-{i}"), model, data, length)).ToArray();
                torch.set_num_threads(threads);
                var live = Sizes.Select(size => Live(Path.Combine(folder, $"live-{size.Width}x{size.Height}"), models, size, data, length)).ToList();
                Print(models, alone, live, lavapipe, threads);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static double TrainAlone(string folder, RaceEntrant model, ShowData data, TimeSpan length)
    {
        using var session = TrainingSession.Start(folder, model.Config, model.Options, data.Train, data.Evaluation, torch.CPU);
        var clock = WallClock.StartNew();
        var samples = 0;
        // The first steps warm libtorch up; they are not counted.
        for (var i = 0; i < 5; i++) session.StepOnce(_ => { });
        clock.Restart();
        while (clock.Elapsed < length) samples += session.StepOnce(_ => { }).Step.Samples;
        return samples / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The live view of one model, or the race of two, at one size: its frame times, and each model's samples/s.</summary>
    private static (List<double> Frames, double[] SamplesPerSecond) Live(string folder, RaceEntrant[] models, Extent2D size, ShowData data, TimeSpan length)
    {
        var plan = new ShowPlan(models.Select((model, i) => new ShowModel(new ModelSource.NewRun(Path.Combine(folder, $"{i + 1}"), model.Config, model.Options),
            models.Length > 1 ? model.Name : null)).ToArray());
        using var show = ShowComposition.Open(plan, data, torch.CPU);
        using var canvas = new HeadlessCanvas(size);
        var output = new HeadlessOutput(canvas);
        // One clock for both runs: the second goes on from the first's time, as one run of the view would.
        var frames = new FrameTimes(new FrameClock(FramesPerSecond));
        var runner = new LiveRunner(show.View, output, output, recording: null, frames, _ => { });
        var warmUp = TimeSpan.FromSeconds(2);
        show.StartTraining();
        // Two seconds of warm-up (first weights, first map) are not counted.
        runner.Run(warmUp, null, CancellationToken.None);
        frames.Seconds.Clear();
        var startSteps = show.Sides.Select(side => side.Session!.Trainer.Progress.GlobalStep).ToArray();
        var clock = WallClock.StartNew();
        runner.Run(warmUp + length, null, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalSeconds;
        var samplesPerSecond = show.Sides.Select((side, i) => (side.Session!.Trainer.Progress.GlobalStep - startSteps[i]) * side.Session.Trainer.Options.BatchSize / elapsed).ToArray();
        show.StopTraining();
        return (frames.Seconds, samplesPerSecond);
    }

    private static void Print(RaceEntrant[] models, double[] alone, List<(List<double> Frames, double[] SamplesPerSecond)> live, int lavapipe, int torchThreads)
    {
        var table = new Table().AddColumn("measure");
        foreach (var size in Sizes) table.AddColumn($"{size.Width}x{size.Height}");
        var shown = models.Length == 1 ? "default LVAE" : $"race of {models[0].Name} and {models[1].Name} (default shape)";
        table.Title = new TableTitle($"live view, headless, {shown}; {Environment.ProcessorCount} cores, LP_NUM_THREADS={lavapipe}, libtorch threads {torchThreads} live / {Environment.ProcessorCount} alone");
        var frames = live.Select(run => FrameTimes(run.Frames)).ToArray();
        table.AddRow(["frames per second (from median frame time)", .. frames.Select(f => $"{1 / f.Median:F1} (target 30)")]);
        table.AddRow(["frame time median / p95", .. frames.Select(f => $"{f.Median * 1e3:F1} ms / {f.P95 * 1e3:F1} ms")]);
        // A race shares the cores between two trainers: each should keep 35 % of its speed alone, one model 60 %.
        var target = models.Length == 1 ? 60 : 35;
        for (var i = 0; i < models.Length; i++)
        {
            var name = models.Length == 1 ? "" : $"{models[i].Name}: ";
            table.AddRow([$"{name}training samples/s, live", .. live.Select(run => $"{run.SamplesPerSecond[i]:F0}")]);
            table.AddRow([$"{name}training samples/s, alone", .. live.Select(_ => $"{alone[i]:F0}")]);
            table.AddRow([$"{name}training kept", .. live.Select(run => $"{run.SamplesPerSecond[i] / alone[i] * 100:F0} % (target {target} %)")]);
        }
        AnsiConsole.Write(table);
    }

    /// <summary>Median and 95th percentile of a run's frame times, without its first frame.</summary>
    private static (double Median, double P95) FrameTimes(List<double> frames)
    {
        var sorted = frames.Skip(1).OrderBy(s => s).ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return (Percentile(0.5), Percentile(0.95));
    }
}
