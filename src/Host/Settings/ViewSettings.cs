using System.CommandLine;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Settings;

/// <summary>
/// Every setting of the live view and its recordings, in one place, each with its default and range. `lvae live`,
/// `lvae record`, `lvae bench live` and the classes that take these values (the frame pacer, the recorder) all read
/// them from here.
/// </summary>
internal static class ViewSettings
{
    public static readonly SizeSetting CanvasSize = new("--size", "Window (or canvas) size", "1280x720", Even: false);
    public static readonly SizeSetting VideoSize = new("--size", "Canvas and video size", "1280x720", Even: true);
    public static readonly SizeSetting RecordSize = new("--record-size", "Recording size, by default the window's when recording starts", null, Even: true);

    public static readonly RangeSetting<float> UiScale = new("--ui-scale", "Scale of text and spacing, for projectors", 1f, CanvasLimits.MinUiScale, CanvasLimits.MaxUiScale);
    public static readonly RangeSetting<double> FpsCap = new("--fps-cap", "Most frames per second drawn", 60, 1, 1000, " frames per second");

    /// <summary>The recorder's frame rate, as `lvae live` names it; `lvae record` calls it --fps (<see cref="Fps"/>).</summary>
    public static readonly RangeSetting<int> RecordFps = new("--record-fps", "Recording frame rate", 30, 1, 240, " frames per second");
    public static readonly RangeSetting<int> Fps = RecordFps with { Name = "--fps", Description = "Frames per second" };

    public static readonly RangeSetting<double> LiveSeconds = new("--seconds", "Stop after this many seconds, saving a checkpoint", 0, 0.001, 1e7, " seconds");
    public static readonly RangeSetting<double> RecordSeconds = LiveSeconds with { Description = "Length of the recording", Range = LiveSeconds.Range with { Default = 10 } };
    public static readonly RangeSetting<double> BenchSeconds = LiveSeconds with { Description = "Length of each measurement", Range = LiveSeconds.Range with { Default = 20 } };
    public static readonly RangeSetting<double> HealthEvery = new("--health-every", "Print a `health:` line (memory, live tensors, epoch) every this many seconds, for soak runs", 30, 1, 86_400, " seconds");

    /// <summary>
    /// The seed of the animation's latent paths: any whole number, so it has no range. A run's own seed (its weights and
    /// data order) is --seed.
    /// </summary>
    public const long DefaultPathsSeed = 1;

    public static Option<long> CreatePathsSeedOption() => new("--paths-seed")
    {
        Description = $"Seed of the latent paths, so that the same seed gives the same animation (default {DefaultPathsSeed}; --seed seeds a new run's weights and data order).",
        DefaultValueFactory = _ => DefaultPathsSeed,
    };

    /// <summary>libtorch's threads beside the view, on the two cores it is made for: one trains, the other draws.</summary>
    public const int LiveTorchThreads = 1;

    /// <summary>
    /// lavapipe's threads when the user sets none: one beside a model training on the other core, both when nothing
    /// trains.
    /// </summary>
    public static int DefaultLavapipeThreads(bool training) => training ? 1 : 2;
}
