using System.CommandLine;
using LvaeLive.Host.Live;
using LvaeLive.Model;
using LvaeLive.Model.Data;
using LvaeLive.Model.Time;
using LvaeLive.Model.Training;
using LvaeLive.Render.Settings;
using LvaeLive.Shaders.Canvas;
using Spectre.Console;
using TorchSharp;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae bench live`: the headless live view at 1280x720 while training, against training alone: frames per second
/// (median and 95th-percentile frame time) and training samples/s in both. The view runs the live view's frame loop on
/// a frame clock at the target rate, unpaced, so that it draws as fast as it can; frame times are measured on the wall.
/// </summary>
internal static class BenchLiveCommand
{
    /// <summary>The frame clock's rate: the target, so that a measurement of N seconds is about N seconds at the target.</summary>
    private const int FramesPerSecond = 30;

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
                var (frames, together) = Live(Path.Combine(folder, "live"), train, test, length);
                Print(alone, together, frames, lavapipe, parsed.GetValue(torchThreads));
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

    private static (List<double> Frames, double SamplesPerSecond) Live(string folder, MnistSplit train, MnistSplit test, TimeSpan length)
    {
        var session = TrainingSession.Start(folder, new LvaeConfig(), Presets.Cpu, train, test.Take(1000), torch.CPU);
        using var live = ModelSide.Train(session, test);
        var view = live.OpenSession(seed: 1, "cpu", _ => { });
        using var canvas = new HeadlessCanvas(new Silk.NET.Vulkan.Extent2D(1280, 720));
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

    private static void Print(double alone, double together, List<double> frames, int lavapipe, int torchThreads)
    {
        var sorted = frames.Skip(1).OrderBy(s => s).ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        var table = new Table().AddColumns("measure", "value");
        table.Title = new TableTitle($"live view, headless 1280x720, default LVAE; {Environment.ProcessorCount} cores, LP_NUM_THREADS={lavapipe}, libtorch threads {torchThreads} live / {Environment.ProcessorCount} alone");
        table.AddRow("frames per second (from median frame time)", $"{1 / Percentile(0.5):F1} (target 30)");
        table.AddRow("frame time median / p95", $"{Percentile(0.5) * 1e3:F1} ms / {Percentile(0.95) * 1e3:F1} ms");
        table.AddRow("training samples/s, live", $"{together:F0}");
        table.AddRow("training samples/s, alone", $"{alone:F0}");
        table.AddRow("training kept", $"{together / alone * 100:F0} % (target 60 %)");
        AnsiConsole.Write(table);
    }
}
