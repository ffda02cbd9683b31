using System.CommandLine;
using LvaeLive.Host.Live;
using LvaeLive.Model;
using LvaeLive.Model.Data;
using LvaeLive.Files.Time;
using LvaeLive.Model.Training;
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
/// With --race, the race view of two models, each model's samples/s beside its speed alone.
/// </summary>
internal static class BenchLiveCommand
{
    /// <summary>The frame clock's rate: the target, so that a measurement of N seconds is about N seconds at the target.</summary>
    private const int FramesPerSecond = 30;

    /// <summary>The canvas sizes measured: the default window, and full HD for the stage.</summary>
    private static readonly Extent2D[] Sizes = [new(1280, 720), new(1920, 1080)];

    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Length of each measurement.", DefaultValueFactory = _ => 20 };
        var torchThreads = new Option<int>("--threads") { Description = "libtorch threads while live (training alone uses all cores, as `lvae train`).", DefaultValueFactory = _ => 1 };
        var data = new RuntimeOptions().Data;
        var race = new Option<string?>("--race") { Description = $"Measure the race view: {RaceSpelling.Help}.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("live", "Frames per second of the live view while training, and training speed with and without it.") { seconds, torchThreads, data, race };
        command.SetAction(parsed =>
        {
            var length = TimeSpan.FromSeconds(parsed.GetValue(seconds));
            var models = parsed.GetResult(race) is null
                ? [new RaceEntrant("LVAE", new LvaeConfig(), Presets.Cpu)]
                : RaceSpelling.Parse(parsed.GetValue(race) ?? RaceSpelling.Default, new LvaeConfig(), Presets.Cpu);
            var lavapipe = LavapipeThreads.Ensure(1);
            var (train, test) = MnistDataset.Load(parsed.GetValue(data)!);
            var folder = Directory.CreateTempSubdirectory("lvae-bench-live-").FullName;
            try
            {
                torch.set_num_threads(Environment.ProcessorCount);
                var alone = models.Select((model, i) => TrainAlone(Path.Combine(folder, $"alone-{i}"), model, train, test, length)).ToArray();
                torch.set_num_threads(parsed.GetValue(torchThreads));
                var live = Sizes.Select(size => Live(Path.Combine(folder, $"live-{size.Width}x{size.Height}"), models, size, train, test, length)).ToList();
                Print(models, alone, live, lavapipe, parsed.GetValue(torchThreads));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static TrainingSession Start(string folder, RaceEntrant model, MnistSplit train, MnistSplit test) =>
        TrainingSession.Start(folder, model.Config, model.Options, train, test.Take(1000), torch.CPU);

    private static double TrainAlone(string folder, RaceEntrant model, MnistSplit train, MnistSplit test, TimeSpan length)
    {
        using var session = Start(folder, model, train, test);
        var clock = WallClock.StartNew();
        var samples = 0;
        // The first steps warm libtorch up; they are not counted.
        for (var i = 0; i < 5; i++) session.StepOnce(_ => { });
        clock.Restart();
        while (clock.Elapsed < length) samples += session.StepOnce(_ => { }).Step.Samples;
        return samples / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The live view of one model, or the race of two, at one size: its frame times, and each model's samples/s.</summary>
    private static (List<double> Frames, double[] SamplesPerSecond) Live(string folder, RaceEntrant[] models, Extent2D size, MnistSplit train, MnistSplit test, TimeSpan length)
    {
        using var live = ModelSide.Train(Start(Path.Combine(folder, "1"), models[0], train, test), test);
        using var rival = models.Length > 1 ? ModelSide.Train(Start(Path.Combine(folder, "2"), models[1], train, test), test) : null;
        var sides = rival is null ? new[] { live } : [live, rival];
        var session = live.OpenSession(seed: 1, "cpu", _ => { });
        ILiveView view = rival is null ? session : new RaceSession(session, models[0].Name, rival.OpenSession(seed: 1, "cpu", _ => { }), models[1].Name);
        using var canvas = new HeadlessCanvas(size);
        var output = new HeadlessOutput(canvas);
        // One clock for both runs: the second goes on from the first's time, as one run of the view would.
        var frames = new FrameTimes(new FrameClock(FramesPerSecond));
        var runner = new LiveRunner(view, output, output, recording: null, frames, _ => { });
        var warmUp = TimeSpan.FromSeconds(2);
        foreach (var side in sides) side.Training!.Start();
        // Two seconds of warm-up (first weights, first map) are not counted.
        runner.Run(warmUp, null, CancellationToken.None);
        frames.Seconds.Clear();
        var startSteps = sides.Select(side => side.Session!.Trainer.Progress.GlobalStep).ToArray();
        var clock = WallClock.StartNew();
        runner.Run(warmUp + length, null, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalSeconds;
        var samplesPerSecond = sides.Select((side, i) => (side.Session!.Trainer.Progress.GlobalStep - startSteps[i]) * side.Session.Trainer.Options.BatchSize / elapsed).ToArray();
        foreach (var side in sides.Reverse()) side.Training!.Stop();
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
