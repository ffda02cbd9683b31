using System.Diagnostics;
using LvaeLive.Files.Time;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Canvas;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Demo;

/// <summary>Which frames a run of `lvae bench render` draws.</summary>
public enum RenderBenchFrames
{
    /// <summary>Everything changes every frame: map points, curves, tiles, trail and markers; no layer is kept.</summary>
    Full,

    /// <summary>Only the tiles and the map's trail and markers change, as between two recomputes of the map and the curves.</summary>
    Steady,
}

/// <summary>
/// One row of `lvae bench render`: per-frame GPU time (timestamps), wall time and process CPU time, and the median GPU
/// time of each pass in recording order.
/// </summary>
public sealed record RenderBenchResult(Extent2D Size, RenderBenchFrames Frames, string Device, int Count, double GpuMedianMs, double GpuP95Ms,
    double WallMedianMs, double WallP95Ms, double CpuSecondsPerFrame, IReadOnlyList<PassTime> PassMedians);

/// <summary>
/// Draws the demo canvas (64 digits, 10,000 map points, 4 plots, HUD) repeatedly, alternating between two frames that
/// differ in everything (<see cref="RenderBenchFrames.Full"/>) or only in what moves every frame
/// (<see cref="RenderBenchFrames.Steady"/>), reading each frame back as the recorder would, and measures it. Each frame
/// waits for its read-back, so wall time is the whole frame's latency.
/// </summary>
public static class RenderBenchmark
{
    public static RenderBenchResult Run(Extent2D size, RenderBenchFrames kind, int frames, int warmup = 5)
    {
        var first = DemoCanvas.Create(digits: 64, pairs: 12, mapPoints: 10_000, seed: 1, time: 0);
        var second = DemoCanvas.Create(digits: 64, pairs: 12, mapPoints: 10_000, seed: 2, time: 0.4f);
        if (kind == RenderBenchFrames.Steady)
        {
            second.Scene.MapPoints = first.Scene.MapPoints;
            second.Chrome.Plots = first.Chrome.Plots;
        }
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
            var slot = canvas.Submit(index % 2 == 0 ? first : second, readBack: true);
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
        return new RenderBenchResult(size, kind, canvas.Gpu.ToString(), frames, Percentile(gpu, 0.5), Percentile(gpu, 0.95),
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
