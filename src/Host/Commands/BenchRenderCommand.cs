using System.CommandLine;
using LvaeLive.Host.Settings;
using LvaeLive.Render.Settings;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Demo;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae bench render`: GPU and CPU time per frame of the canvas at 1280x720 and 1920x1080, drawn whole (every part
/// changed) and steady (only the tiles and the map's markers and trail changed, its other layers kept).
/// </summary>
internal static class BenchRenderCommand
{
    public static Command Create()
    {
        var frames = new Option<int>("--frames") { Description = "Measured frames per size.", DefaultValueFactory = _ => 60 };
        var command = new Command("render", "Time the canvas (64 digits, 10,000 map points, 4 plots, HUD text), drawn whole and steady.") { frames };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(frames);
            if (count < 1)
                throw new ArgumentException("--frames must be at least 1");
            // The canvas alone, with nothing training: lavapipe's threads as `lvae record` has them, unless the user set them.
            var threads = LavapipeThreads.Ensure(ViewSettings.DefaultLavapipeThreads(training: false));
            Console.WriteLine($"{LavapipeThreads.Variable}={threads}, {Environment.ProcessorCount} cores, {count} frames per size");
            Console.WriteLine($"{"frame",-17} {"GPU median",11} {"GPU p95",9} {"wall median",12} {"wall p95",9} {"CPU s/frame",12}  device");
            var results = new List<RenderBenchResult>();
            foreach (var size in new[] { CanvasSize.Validate(1280, 720), CanvasSize.Validate(1920, 1080) })
                foreach (var kind in new[] { RenderBenchFrames.Full, RenderBenchFrames.Steady })
                {
                    var r = RenderBenchmark.Run(size, kind, count);
                    Console.WriteLine($"{Name(r),-17} {r.GpuMedianMs,8:0.00} ms {r.GpuP95Ms,6:0.00} ms {r.WallMedianMs,9:0.00} ms {r.WallP95Ms,6:0.00} ms {r.CpuSecondsPerFrame,12:0.0000}  {r.Device}");
                    results.Add(r);
                }
            PrintPasses(results);
            return 0;
        });
        return command;
    }

    private static string Name(RenderBenchResult r) => $"{r.Size.Width}x{r.Size.Height} {r.Frames.ToString().ToLowerInvariant()}";

    /// <summary>Median GPU milliseconds per pass, one column per row above: where a frame's time goes (a dash where a frame skips the pass).</summary>
    private static void PrintPasses(List<RenderBenchResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"pass (GPU median)",-18}" + string.Concat(results.Select(r => $" {Name(r),17}")));
        foreach (var pass in results.SelectMany(r => r.PassMedians).DistinctBy(p => p.Name))
        {
            var cells = results.Select(r => r.PassMedians.FirstOrDefault(p => p.Name == pass.Name) is { Name: not null } p ? $" {p.Milliseconds,14:0.00} ms" : $" {"-",17}");
            Console.WriteLine($"{pass.Name,-18}" + string.Concat(cells));
        }
    }
}
