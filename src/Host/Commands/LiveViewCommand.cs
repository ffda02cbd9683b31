using System.CommandLine;
using LvaeLive.Host.Input;
using LvaeLive.Host.Live;
using LvaeLive.Host.Recording;
using LvaeLive.Host.Window;
using LvaeLive.Model;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using LvaeLive.Render.Settings;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae live`: trains the LVAE on a thread of its own while a window (or, with --headless, an offscreen canvas) shows
/// its latents animating, under keyboard control, with recording.
/// </summary>
internal static class LiveViewCommand
{
    /// <summary>On two cores: one for training, one for the render loop and lavapipe.</summary>
    private const int DefaultTorchThreads = 1;
    private const int DefaultLavapipeThreads = 1;

    public static Command Create()
    {
        var model = new ModelOptions();
        var runtime = new RuntimeOptions(DefaultTorchThreads);
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder (or its checkpoint.json) to continue training, or to show with --no-train." };
        var runDir = new Option<string?>("--run-dir") { Description = "Run folder for a new model (default: a new folder under runs/)." };
        var noTrain = new Option<bool>("--no-train") { Description = "Show the checkpoint without training it." };
        var headless = new Option<bool>("--headless") { Description = "No window: draw offscreen (for servers and CI); combine with --record and --seconds." };
        var size = new Option<string>("--size") { Description = "Window (or canvas) size WIDTHxHEIGHT.", DefaultValueFactory = _ => "1280x720" };
        var fullscreen = new Option<bool>("--fullscreen") { Description = "Start in fullscreen on the primary monitor." };
        var uiScale = new Option<float>("--ui-scale") { Description = "Scale of text and spacing, for projectors (0.5 to 3).", DefaultValueFactory = _ => 1f };
        var fpsCap = new Option<double>("--fps-cap") { Description = "Most frames per second drawn.", DefaultValueFactory = _ => 60 };
        var seed = new Option<long>("--seed") { Description = "Seed of the latent paths.", DefaultValueFactory = _ => 1 };
        var record = new Option<string?>("--record") { Description = "Start recording at once into this file (.mp4 or .gif)." };
        var recordSize = new Option<string?>("--record-size") { Description = "Recording size WIDTHxHEIGHT (even; default: the window's size when recording starts)." };
        var recordFps = new Option<int>("--record-fps") { Description = "Recording frame rate.", DefaultValueFactory = _ => 30 };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (saving a checkpoint)." };
        var healthEvery = new Option<double?>("--health-every") { Description = "Print a `health:` line (memory, live tensors, epoch) every this many seconds, for soak runs." };

        var command = new Command("live", "Train the LVAE and watch its latents live, with keyboard control and recording (H in the window lists the keys).");
        model.AddTo(command);
        runtime.AddTo(command);
        foreach (var option in new Option[] { checkpoint, runDir, noTrain, headless, size, fullscreen, uiScale, fpsCap, seed, record, recordSize, recordFps, seconds, healthEvery })
            command.Options.Add(option);
        command.SetAction(parsed =>
        {
            // Every option is checked here, before a window opens or anything is loaded or written.
            var extent = SizeOption.Parse("--size", parsed.GetValue(size)!);
            var scale = parsed.GetValue(uiScale);
            if (!(scale >= CanvasLimits.MinUiScale && scale <= CanvasLimits.MaxUiScale)) throw new ArgumentException($"--ui-scale is {scale}; it must be {CanvasLimits.MinUiScale} to {CanvasLimits.MaxUiScale}");
            var pacer = new FramePacer(parsed.GetValue(fpsCap));
            var recordRate = parsed.GetValue(recordFps);
            if (recordRate is < 1 or > 240) throw new ArgumentException($"--record-fps is {recordRate}; it must be 1 to 240 frames per second");
            var recordExtent = parsed.GetValue(recordSize) is { } text ? SizeOption.Parse("--record-size", text) : (Silk.NET.Vulkan.Extent2D?)null;
            if (recordExtent is { } r && (r.Width % 2 != 0 || r.Height % 2 != 0)) throw new ArgumentException($"--record-size {r.Width}x{r.Height}: videos need an even width and height");
            var limit = parsed.GetValue(seconds) is { } s ? (s > 0 ? TimeSpan.FromSeconds(s) : throw new ArgumentException($"--seconds must be positive (got {s})")) : (TimeSpan?)null;
            var fromCheckpoint = parsed.GetValue(checkpoint);
            var health = parsed.GetValue(healthEvery) is { } h ? (h > 0 ? TimeSpan.FromSeconds(h) : throw new ArgumentException($"--health-every is {h}; it must be a positive number of seconds")) : (TimeSpan?)null;
            var newRunDir = parsed.GetValue(runDir);
            if (parsed.GetValue(noTrain) && fromCheckpoint is null) throw new ArgumentException("--no-train needs --checkpoint: there is nothing to show without training otherwise");
            if (fromCheckpoint is not null && newRunDir is not null)
                throw new ArgumentException($"--checkpoint and --run-dir conflict: a checkpoint's run continues in its own folder ({fromCheckpoint}); drop --run-dir, or drop --checkpoint to start a new run in {newRunDir}");
            if (fromCheckpoint is not null) model.RequireCompatible(parsed, "--checkpoint", fromCheckpoint, CheckpointStore.ReadInfo(fromCheckpoint).Info.Model);
            var (config, options) = fromCheckpoint is null ? (model.Config(parsed), model.Training(parsed)) : (null, null);

            LavapipeThreads.Ensure(DefaultLavapipeThreads);
            // The window (or the reason there can be none) comes first: nothing is loaded or written before it.
            using var window = parsed.GetValue(headless) ? null : new GlfwWindow((int)extent.Width, (int)extent.Height, "LvaeLive", parsed.GetValue(fullscreen));
            using var windowCanvas = window is null ? null : new WindowCanvas(GlfwWindow.RequiredInstanceExtensions, window.CreateSurface,
                new((uint)window.FramebufferSize.Width, (uint)window.FramebufferSize.Height));
            using var headlessCanvas = window is null ? new HeadlessCanvas(extent) : null;

            var device = runtime.Apply(parsed);
            var (train, test) = MnistDataset.Load(parsed.GetValue(runtime.Data)!);
            using var live = OpenModel(fromCheckpoint, parsed.GetValue(noTrain), parsed.GetValue(model.Epochs), newRunDir, config, options, train, test, device);
            Leftovers.Remove(Console.Error.WriteLine, live.Session?.RunFolder, RecorderOptions.DefaultFolder,
                parsed.GetValue(record) is { } first ? Path.GetDirectoryName(RecordingPaths.Resolve(first)) : null);
            var session = live.OpenSession(parsed.GetValue(seed), device.type.ToString().ToLowerInvariant(), Console.WriteLine);
            var keys = new KeyMap(live.Config.Depth);
            session.Frame.UiScale = scale;

            using var stop = new ConsoleStop();
            using var recorder = new Recorder();
            using var recording = new RecordingControl(recorder, recordRate, recordExtent is { } e ? ((int)e.Width, (int)e.Height) : null);
            ICanvasOutput output;
            IInputSource input;
            if (window is null)
            {
                var offscreen = new HeadlessOutput(headlessCanvas!);
                (output, input) = (offscreen, offscreen);
            }
            else
            {
                (output, input) = (new WindowOutput(window, windowCanvas!), new WindowInput(window, keys));
            }
            live.Training?.Start();
            new LiveRunner(session, output, input, recording, pacer, Console.WriteLine)
                {
                    Health = health is { } every ? (every, new HealthLine(live)) : null,
                }
                .Run(limit, parsed.GetValue(record), stop.Token);
            live.Training?.Stop();
            return 0;
        });
        return command;
    }

    /// <summary>The checkpoint shown or continued, or else a new run of <paramref name="config"/> and <paramref name="options"/>.</summary>
    private static LiveModel OpenModel(string? checkpoint, bool viewOnly, int? epochs, string? runDir, LvaeConfig? config, TrainOptions? options, MnistSplit train, MnistSplit test, TorchSharp.torch.Device device)
    {
        if (checkpoint is not null && viewOnly) return LiveModel.View(checkpoint, test, device);
        var session = checkpoint is not null
            ? TrainingSession.Resume(checkpoint, train, test, device, epochs)
            : TrainingSession.Start(runDir ?? Path.Combine("runs", $"{Model.Time.WallClock.Stamp()}-live"), config!, options!, train, test, device);
        return LiveModel.Train(session, test);
    }
}
