using System.CommandLine;
using LvaeLive.Files.Time;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Recording;
using LvaeLive.Host.Session;
using LvaeLive.Host.Settings;
using LvaeLive.Host.Window;
using LvaeLive.Render.Settings;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae live`: trains the LVAE on a thread of its own while a window (or, with --headless, an offscreen canvas) shows
/// its latents animating, under keyboard control, with recording. Its options become a <see cref="LiveOptions"/> and
/// a <see cref="ShowPlan"/>; the show runs on the wall clock, into the window or the offscreen canvas.
/// </summary>
internal static class LiveViewCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var runtime = new RuntimeOptions(ViewSettings.LiveTorchThreads);
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder (or its checkpoint.json) to continue training, or to show with --no-train." };
        var runDir = new Option<string?>("--run-dir") { Description = "Run folder for a new model (default: a new folder under runs/)." };
        var noTrain = new Option<bool>("--no-train") { Description = "Show the checkpoint without training it." };
        var pretrained = PretrainedOption.Create();
        var trainOn = new Option<bool>("--train")
        {
            Description = "With --pretrained: train on from the shipped model in a new run (--run-dir, or one under runs/), with a fresh optimizer at " +
                $"--lr (default {LiveOptions.PretrainedLearningRate}), for --epochs more epochs (default {LiveOptions.PretrainedEpochs}).",
        };
        var headless = new Option<bool>("--headless") { Description = "No window: draw offscreen (for servers and CI); combine with --record and --seconds." };
        var size = ViewSettings.CanvasSize.CreateOption();
        var fullscreen = new Option<bool>("--fullscreen") { Description = "Start in fullscreen (F11 toggles it), on the --monitor." };
        var monitor = new Option<int>("--monitor")
        {
            Description = $"The monitor that fullscreen covers: {GlfwMonitor.Primary} is the primary (--list-monitors lists them).",
            DefaultValueFactory = _ => GlfwMonitor.Primary,
        };
        var listMonitors = new Option<bool>("--list-monitors") { Description = "List the monitors with their video modes, and exit." };
        var uiScale = ViewSettings.UiScale.CreateOption();
        var fpsCap = ViewSettings.FpsCap.CreateOption();
        var seed = ViewSettings.CreatePathsSeedOption();
        var record = new Option<string?>("--record") { Description = "Start recording at once into this file (.mp4 or .gif)." };
        var recordSize = ViewSettings.RecordSize.CreateOption();
        var recordFps = ViewSettings.RecordFps.CreateOption();
        var seconds = ViewSettings.LiveSeconds.CreateOptionalOption();
        var healthEvery = ViewSettings.HealthEvery.CreateOptionalOption();
        var talkFile = new Option<string?>("--talk")
        {
            Description = "Play this talk (TOML, see talks/) with a slide tool's keys: PageDown / PageUp, a number then Enter, F5, B or W blanks; Tab: the steering keys.",
        };
        var presenterMonitor = new Option<int?>("--presenter-monitor")
        {
            Description = "With --talk: the presenter view (this step's notes, the next caption, every step, the times) fullscreen on this monitor; " +
                "a second window when it is the audience's monitor or the only one. Never recorded.",
        };
        var autoAdvance = new Option<bool>("--auto-advance") { Description = "With --talk: every step moves on by itself after its hold, as lvae record plays it; a step key pauses it, F5 resumes." };
        var loopTalk = new Option<bool>("--loop") { Description = "With --talk: start the talk again after its last step (a booth)." };
        var race = new Option<string?>("--race")
        {
            Description = $"Train two new models side by side from the same start, the keys steering both: {RaceSpelling.Help}. " +
                "With --run-dir, their runs go in folders inside it; with --pretrained, the shipped VAE and LVAE race as they are, without training.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("live", "Train the LVAE and watch its latents live, with keyboard control and recording (H in the window lists the keys).");
        model.AddTo(command);
        runtime.AddTo(command);
        foreach (var option in new Option[] { checkpoint, pretrained, trainOn, runDir, noTrain, headless, size, fullscreen, monitor, listMonitors, uiScale, fpsCap, seed, record, recordSize, recordFps, seconds, healthEvery, talkFile, presenterMonitor, autoAdvance, loopTalk, race })
            command.Options.Add(option);
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(listMonitors))
            {
                MonitorList.Print(Console.Out);
                return 0;
            }
            // Every option is checked here, before a window opens or anything is loaded or written.
            var extent = ViewSettings.CanvasSize.Checked(parsed.GetValue(size)!);
            var scale = ViewSettings.UiScale.Checked(parsed.GetValue(uiScale));
            var pacer = new FramePacer(parsed.GetValue(fpsCap));
            var recordRate = ViewSettings.RecordFps.Checked(parsed.GetValue(recordFps));
            var recordExtent = parsed.GetValue(recordSize) is { } text ? ViewSettings.RecordSize.Checked(text) : (Silk.NET.Vulkan.Extent2D?)null;
            var limit = parsed.GetValue(seconds) is { } s ? TimeSpan.FromSeconds(ViewSettings.LiveSeconds.Checked(s)) : (TimeSpan?)null;
            var health = parsed.GetValue(healthEvery) is { } h ? TimeSpan.FromSeconds(ViewSettings.HealthEvery.Checked(h)) : (TimeSpan?)null;
            var options = new LiveOptions
            {
                Checkpoint = parsed.GetValue(checkpoint),
                RunDir = parsed.GetValue(runDir),
                NoTrain = parsed.GetValue(noTrain),
                Pretrained = parsed.GetValue(pretrained),
                TrainOn = parsed.GetValue(trainOn),
                Epochs = parsed.GetValue(model.Epochs),
                LearningRate = parsed.GetValue(model.LearningRate),
                ModelGiven = parsed.GetResult(model.Model) is { Implicit: false },
                Race = parsed.GetResult(race) is null ? null : parsed.GetValue(race) ?? RaceSpelling.Default,
                Talk = parsed.GetValue(talkFile),
                AutoAdvance = parsed.GetValue(autoAdvance),
                LoopTalk = parsed.GetValue(loopTalk),
                Headless = parsed.GetValue(headless),
                Fullscreen = parsed.GetValue(fullscreen),
                Monitor = parsed.GetResult(monitor) is { Implicit: false } ? parsed.GetValue(monitor) : null,
                PresenterMonitor = parsed.GetValue(presenterMonitor),
                PathsSeed = parsed.GetValue(seed),
            }.Validated();
            var plan = LivePlan.Make(options, model, parsed) with { UiScale = scale };

            LavapipeThreads.Ensure(ViewSettings.DefaultLavapipeThreads(plan.Trains));
            // The window (or the reason there can be none) comes first: nothing is loaded or written before it.
            using var window = options.Headless ? null
                : new GlfwWindow((int)extent.Width, (int)extent.Height, "LvaeLive", options.Fullscreen, options.Monitor ?? GlfwMonitor.Primary);
            using var windowCanvas = window is null ? null : new WindowCanvas(GlfwWindow.RequiredInstanceExtensions, window.CreateSurface,
                new((uint)window.FramebufferSize.Width, (uint)window.FramebufferSize.Height));
            using var headlessCanvas = window is null ? new HeadlessCanvas(extent) : null;
            // Loading the model and the data takes seconds: the window says so instead of staying black.
            windowCanvas?.Render(LoadingFrame(scale));
            // The presenter view: a second window, whose swapchain is a second one on the audience canvas's device.
            using var presenterWindow = options.PresenterMonitor is { } notesMonitor ? PresenterWindow(extent, notesMonitor, options.Monitor ?? GlfwMonitor.Primary) : null;
            using var presenterCanvas = presenterWindow is null ? null : windowCanvas!.Beside(presenterWindow.CreateSurface,
                new((uint)presenterWindow.FramebufferSize.Width, (uint)presenterWindow.FramebufferSize.Height));

            var device = runtime.Apply(parsed);
            using var show = ShowComposition.Open(plan, ShowData.Read(parsed.GetValue(runtime.Data)!), device);
            var recordPath = parsed.GetValue(record);
            Leftovers.Remove(Console.Error.WriteLine, show.Sides[0].Session?.RunFolder, RecorderOptions.DefaultFolder,
                recordPath is null ? null : Path.GetDirectoryName(RecordingPaths.Resolve(recordPath)));

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
                (output, input) = (new WindowOutput(window, windowCanvas!), new WindowInput(window, show.Sessions[0].Keys, presenterWindow));
            }
            show.StartTraining();
            new LiveRunner(show.View, output, input, recording, pacer, Console.WriteLine)
                {
                    Health = health is { } every ? (every, new HealthLine(show.Sides[0])) : null,
                    Presenter = presenterWindow is null ? null : new WindowOutput(presenterWindow, presenterCanvas!),
                }
                .Run(limit, recordPath, stop.Token);
            show.StopTraining();
            // A recording that ended on its own is collected here; one that was lost fails the command, as in lvae record.
            recording.Stop();
            if (recording.Lost is { } lost)
                throw new IOException($"{lost}; check the free space and permissions where it was recording, or choose another --record");
            if (show.Race is { } racer) Console.WriteLine($"race: {racer.Describe()}");
            return 0;
        });
        return command;
    }

    /// <summary>The window's first frame, while the model and the data load: the panels' places, empty, and what is coming.</summary>
    private static CanvasFrame LoadingFrame(float uiScale)
    {
        var frame = new CanvasFrame();
        var chrome = frame.Chrome;
        chrome.UiScale = uiScale;
        chrome.Hud = ["loading the model and the test digits"];
        chrome.Caption = ["Loading the model\u2026"];
        chrome.CaptionLines = 1;
        return frame;
    }

    /// <summary>
    /// The presenter view's window: fullscreen on <paramref name="monitor"/> when that is not the audience's, else (one
    /// monitor, or the same) a window of the canvas's size beside the audience's.
    /// </summary>
    private static GlfwWindow PresenterWindow(Silk.NET.Vulkan.Extent2D extent, int monitor, int audienceMonitor)
    {
        var own = monitor != audienceMonitor && GlfwMonitor.All().Count > 1;
        return new GlfwWindow((int)extent.Width, (int)extent.Height, "LvaeLive presenter", fullscreen: own, monitor);
    }
}
