using System.Diagnostics;
using LvaeLive.Files.Time;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Canvas;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Demo;

/// <summary>
/// One row of `lvae bench render`: per-frame GPU time (timestamps), wall time and process CPU time, and the median GPU
/// time of each pass in recording order.
/// </summary>
public sealed record RenderBenchResult(Extent2D Size, string Device, int Frames, double GpuMedianMs, double GpuP95Ms,
    double WallMedianMs, double WallP95Ms, double CpuSecondsPerFrame, IReadOnlyList<PassTime> PassMedians);

/// <summary>
/// Draws the full demo canvas (64 digits, 10,000 map points, 4 plots, HUD) repeatedly, reading each frame back as
/// the recorder would, and measures it. Each frame waits for its read-back, so wall time is the whole frame's latency.
/// </summary>
public static class RenderBenchmark
{
    public static RenderBenchResult Run(Extent2D size, int frames, int warmup = 5)
    {
        var frame = DemoCanvas.Create(digits: 64, pairs: 12, mapPoints: 10_000);
        using var canvas = new HeadlessCanvas(size);
        var pixels = new byte[OffscreenTarget.ByteCount(size)];
        var gpu = new List<double>(frames);
        var wall = new List<double>(frames);
        var passes = new Dictionary<string, List<double>>();
        var passOrder = new List<string>();
        var process = Process.GetCurrentProcess();
        var cpuStart = TimeSpan.Zero;
        for (var index = 0; index < warmup + frames; index++)
        {
            if (index == warmup)
            {
                process.Refresh();
                cpuStart = process.TotalProcessorTime;
            }
            var started = WallClock.StartNew();
            var slot = canvas.Submit(frame, readBack: true);
            canvas.Target.ReadPixels(slot, pixels);
            if (index < warmup)
                continue;
            wall.Add(started.Elapsed.TotalMilliseconds);
            if (slot.LastGpuMilliseconds is { } ms)
                gpu.Add(ms);
            foreach (var pass in slot.LastPasses)
            {
                if (!passes.TryGetValue(pass.Name, out var times))
                {
                    passes[pass.Name] = times = new List<double>(frames);
                    passOrder.Add(pass.Name);
                }
                times.Add(pass.Milliseconds);
            }
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds / frames;
        return new RenderBenchResult(size, canvas.Gpu.ToString(), frames, Percentile(gpu, 0.5), Percentile(gpu, 0.95),
            Percentile(wall, 0.5), Percentile(wall, 0.95), cpu, passOrder.Select(name => new PassTime(name, Percentile(passes[name], 0.5))).ToList());
    }

    private static double Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
            return double.NaN;
        values.Sort();
        return values[Math.Min((int)Math.Ceiling(fraction * values.Count) - 1, values.Count - 1)];
    }
}
