using System.CommandLine;
using LvaeLive.Host.Live;
using LvaeLive.Model;
using LvaeLive.Model.Data;
using LvaeLive.Model.Time;
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
        var command = new Command("live", "Frames per second of the live view while training, and training speed with and without it.") { seconds, torchThreads, data };
        command.SetAction(parsed =>
        {
            var length = TimeSpan.FromSeconds(parsed.GetValue(seconds));
            var lavapipe = LavapipeThreads.Ensure(1);
            var (train, test) = MnistDataset.Load(parsed.GetValue(data)!);
            var folder = Directory.CreateTempSubdirectory("lvae-bench-live-").FullName;
            try
            {
                torch.set_num_threads(Environment.ProcessorCount);
                var alone = TrainAlone(Path.Combine(folder, "alone"), train, test, length);
                torch.set_num_threads(parsed.GetValue(torchThreads));
                var live = Sizes.Select(size => Live(Path.Combine(folder, $"live-{size.Width}x{size.Height}"), size, train, test, length)).ToList();
                Print(alone, live, lavapipe, parsed.GetValue(torchThreads));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
            return 0;
        });
        return command;
    }

    private static double TrainAlone(string folder, MnistSplit train, MnistSplit test, TimeSpan length)
    {
        using var session = TrainingSession.Start(folder, new LvaeConfig(), Presets.Cpu, train, test.Take(1000), torch.CPU);
        var clock = WallClock.StartNew();
        var samples = 0;
        // The first steps warm libtorch up; they are not counted.
        for (var i = 0; i < 5; i++) session.StepOnce(_ => { });
        clock.Restart();
        while (clock.Elapsed < length) samples += session.StepOnce(_ => { }).Step.Samples;
        return samples / clock.Elapsed.TotalSeconds;
    }

    private static (List<double> Frames, double SamplesPerSecond) Live(string folder, Extent2D size, MnistSplit train, MnistSplit test, TimeSpan length)
    {
        var session = TrainingSession.Start(folder, new LvaeConfig(), Presets.Cpu, train, test.Take(1000), torch.CPU);
        using var live = ModelSide.Train(session, test);
        var view = live.OpenSession(seed: 1, "cpu", _ => { });
        using var canvas = new HeadlessCanvas(size);
        var output = new HeadlessOutput(canvas);
        // One clock for both runs: the second goes on from the first's time, as one run of the view would.
        var frames = new FrameTimes(new FrameClock(FramesPerSecond));
        var runner = new LiveRunner(view, output, output, recording: null, frames, _ => { });
        var warmUp = TimeSpan.FromSeconds(2);
        live.Training!.Start();
        // Two seconds of warm-up (first weights, first map) are not counted.
        runner.Run(warmUp, null, CancellationToken.None);
        frames.Seconds.Clear();
        var startStep = session.Trainer.Progress.GlobalStep;
        var clock = WallClock.StartNew();
        runner.Run(warmUp + length, null, CancellationToken.None);
        var steps = session.Trainer.Progress.GlobalStep - startStep;
        var elapsed = clock.Elapsed.TotalSeconds;
        live.Training.Stop();
        return (frames.Seconds, steps * session.Trainer.Options.BatchSize / elapsed);
    }

    private static void Print(double alone, List<(List<double> Frames, double SamplesPerSecond)> live, int lavapipe, int torchThreads)
    {
        var table = new Table().AddColumn("measure");
        foreach (var size in Sizes) table.AddColumn($"{size.Width}x{size.Height}");
        table.Title = new TableTitle($"live view, headless, default LVAE; {Environment.ProcessorCount} cores, LP_NUM_THREADS={lavapipe}, libtorch threads {torchThreads} live / {Environment.ProcessorCount} alone");
        var frames = live.Select(run => FrameTimes(run.Frames)).ToArray();
        table.AddRow(["frames per second (from median frame time)", .. frames.Select(f => $"{1 / f.Median:F1} (target 30)")]);
        table.AddRow(["frame time median / p95", .. frames.Select(f => $"{f.Median * 1e3:F1} ms / {f.P95 * 1e3:F1} ms")]);
        table.AddRow(["training samples/s, live", .. live.Select(run => $"{run.SamplesPerSecond:F0}")]);
        table.AddRow(["training samples/s, alone", .. live.Select(_ => $"{alone:F0}")]);
        table.AddRow(["training kept", .. live.Select(run => $"{run.SamplesPerSecond / alone * 100:F0} % (target 60 %)")]);
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
