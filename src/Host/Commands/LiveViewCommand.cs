using System.CommandLine;
using LvaeLive.Files.Time;
using LvaeLive.Host.Input;
using LvaeLive.Host.Live;
using LvaeLive.Host.Recording;
using LvaeLive.Host.Settings;
using LvaeLive.Host.Window;
using LvaeLive.Model;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Hierarchy;
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
    /// <summary>
    /// Training on from the shipped model: a tenth of the preset's rate, so that the fresh optimizer's first steps do not
    /// shake a converged model (measured: see the models/ README).
    /// </summary>
    private const double PretrainedLearningRate = 2e-4;
    private const int PretrainedEpochs = 30;

    public static Command Create()
    {
        var model = new ModelOptions();
        var runtime = new RuntimeOptions(DefaultTorchThreads);
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder (or its checkpoint.json) to continue training, or to show with --no-train." };
        var runDir = new Option<string?>("--run-dir") { Description = "Run folder for a new model (default: a new folder under runs/)." };
        var noTrain = new Option<bool>("--no-train") { Description = "Show the checkpoint without training it." };
        var pretrained = PretrainedOption.Create();
        var trainOn = new Option<bool>("--train")
        {
            Description = $"With --pretrained: train on from the shipped model in a new run (--run-dir, or one under runs/), with a fresh optimizer at --lr (default {PretrainedLearningRate}), for --epochs more epochs (default {PretrainedEpochs}).",
        };
        var headless = new Option<bool>("--headless") { Description = "No window: draw offscreen (for servers and CI); combine with --record and --seconds." };
        var size = ViewSettings.CanvasSize.CreateOption();
        var fullscreen = new Option<bool>("--fullscreen") { Description = "Start in fullscreen (F11 toggles it), on the --monitor." };
        var monitor = new Option<int>("--monitor") { Description = "The monitor that fullscreen covers: 1 is the primary (--list-monitors lists them).", DefaultValueFactory = _ => 1 };
        var listMonitors = new Option<bool>("--list-monitors") { Description = "List the monitors with their video modes, and exit." };
        var uiScale = ViewSettings.UiScale.CreateOption();
        var fpsCap = ViewSettings.FpsCap.CreateOption();
        var seed = new Option<long>("--paths-seed") { Description = "Seed of the latent paths (--seed seeds a new run's weights and data order).", DefaultValueFactory = _ => 1 };
        var record = new Option<string?>("--record") { Description = "Start recording at once into this file (.mp4 or .gif)." };
        var recordSize = ViewSettings.RecordSize.CreateOption();
        var recordFps = ViewSettings.RecordFps.CreateOption();
        var seconds = ViewSettings.LiveSeconds.CreateOptionalOption();
        var healthEvery = ViewSettings.HealthEvery.CreateOptionalOption();
        var talkFile = new Option<string?>("--talk") { Description = "Play this talk (TOML, see talks/): PageDown / PageUp step through it, B blanks the screen." };
        var race = new Option<string?>("--race")
        {
            Description = $"Train two new models side by side from the same start, the keys steering both: {RaceSpelling.Help}. " +
                "With --run-dir, their runs go in folders inside it.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("live", "Train the LVAE and watch its latents live, with keyboard control and recording (H in the window lists the keys).");
        model.AddTo(command);
        runtime.AddTo(command);
        foreach (var option in new Option[] { checkpoint, pretrained, trainOn, runDir, noTrain, headless, size, fullscreen, monitor, listMonitors, uiScale, fpsCap, seed, record, recordSize, recordFps, seconds, healthEvery, talkFile, race })
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
            var trainShipped = parsed.GetValue(trainOn);
            if (trainShipped && !parsed.GetValue(pretrained)) throw new ArgumentException("--train goes with --pretrained (lvae live trains anything else by default): add --pretrained, or drop --train");
            if (parsed.GetValue(pretrained) && (parsed.GetValue(checkpoint) is not null || parsed.GetResult(race) is not null))
                throw new ArgumentException("--pretrained opens the shipped model: drop --checkpoint and --race, or drop --pretrained");
            if (trainShipped && parsed.GetValue(noTrain)) throw new ArgumentException("--train and --no-train conflict: keep one");
            if (trainShipped && parsed.GetValue(model.Epochs) is <= 0 and var more)
                throw new ArgumentException($"--epochs {more}: give the number of epochs to train on from the shipped model, 1 or more");
            // The shipped model is shown as a checkpoint is, or trained on from in a new run.
            var shipped = parsed.GetValue(pretrained) ? ShippedModel.Locate() : null;
            if (shipped is not null && !trainShipped && parsed.GetValue(runDir) is not null)
                throw new ArgumentException("--run-dir names the folder of a new run, and --pretrained alone trains none: add --train, or drop --run-dir");
            var fromCheckpoint = parsed.GetValue(checkpoint) ?? (trainShipped ? null : shipped);
            var health = parsed.GetValue(healthEvery) is { } h ? TimeSpan.FromSeconds(ViewSettings.HealthEvery.Checked(h)) : (TimeSpan?)null;
            var newRunDir = parsed.GetValue(runDir);
            if (parsed.GetValue(headless) && (parsed.GetResult(monitor) is { Implicit: false } || parsed.GetValue(fullscreen)))
                throw new ArgumentException("--fullscreen and --monitor need a window: drop --headless, or drop them");
            var viewOnly = parsed.GetValue(noTrain) || shipped is not null && !trainShipped;
            if (viewOnly && fromCheckpoint is null) throw new ArgumentException("--no-train needs --checkpoint: there is nothing to show without training otherwise");
            if (fromCheckpoint is not null && newRunDir is not null)
                throw new ArgumentException($"--checkpoint and --run-dir conflict: a checkpoint's run continues in its own folder ({fromCheckpoint}); drop --run-dir, or drop --checkpoint to start a new run in {newRunDir}");
            var racing = parsed.GetResult(race) is not null;
            if (racing && (fromCheckpoint is not null || parsed.GetValue(talkFile) is not null || parsed.GetResult(model.Model) is { Implicit: false }))
                throw new ArgumentException("--race starts two new models, each spelled in it: drop --checkpoint, --no-train, --talk and --model, or drop --race");
            var entrants = racing ? RaceSpelling.Parse(parsed.GetValue(race) ?? RaceSpelling.Default, model.Config(parsed), model.Training(parsed)) : null;
            var stored = (fromCheckpoint ?? shipped) is { } saved ? CheckpointStore.ReadInfo(saved) : ((CheckpointInfo Info, string RunFolder)?)null;
            if (stored is { } run)
                model.RequireCompatible(parsed, shipped is null ? "--checkpoint" : "--pretrained", run.RunFolder, run.Info.Model, trainShipped ? [model.LearningRate] : []);
            var (config, options) = stored is null ? (model.Config(parsed), model.Training(parsed)) : (null, null);
            var sizes = config?.LatentSizes ?? stored!.Value.Info.Model.LatentSizes;
            var bookmarks = new BookmarkShelf(shipped is null ? stored?.RunFolder ?? newRunDir : trainShipped ? newRunDir : ShippedModel.BookmarkFolder, sizes, Console.WriteLine);
            var talk = parsed.GetValue(talkFile) is { } talkPath ? ModelSide.LoadTalk(talkPath, sizes, bookmarks) : null;

            LavapipeThreads.Ensure(DefaultLavapipeThreads);
            // The window (or the reason there can be none) comes first: nothing is loaded or written before it.
            using var window = parsed.GetValue(headless) ? null : new GlfwWindow((int)extent.Width, (int)extent.Height, "LvaeLive", parsed.GetValue(fullscreen), parsed.GetValue(monitor));
            using var windowCanvas = window is null ? null : new WindowCanvas(GlfwWindow.RequiredInstanceExtensions, window.CreateSurface,
                new((uint)window.FramebufferSize.Width, (uint)window.FramebufferSize.Height));
            using var headlessCanvas = window is null ? new HeadlessCanvas(extent) : null;

            var device = runtime.Apply(parsed);
            var (train, test) = MnistDataset.Load(parsed.GetValue(runtime.Data)!);
            var classifier = ModelSide.CachedClassifier(parsed.GetValue(runtime.Data)!, () => train, device);
            var raceFolder = newRunDir ?? NewRunFolder("race");
            using var live = entrants is null
                ? trainShipped
                    ? ModelSide.Train(TrainingSession.StartFrom(shipped!, newRunDir ?? NewRunFolder("pretrained"), parsed.GetValue(model.Epochs) ?? PretrainedEpochs,
                        parsed.GetValue(model.LearningRate) ?? PretrainedLearningRate, train, test, device), test, classifier)
                    : OpenModel(fromCheckpoint, viewOnly, parsed.GetValue(model.Epochs), newRunDir, config, options, classifier, train, test, device)
                : OpenRacer(entrants, 0, raceFolder, classifier, train, test, device);
            // The same seed for both: the same tile of either grid is the same noise.
            using var rival = entrants is null ? null
                : OpenRacer(entrants, 1, raceFolder, ModelSide.CachedClassifier(parsed.GetValue(runtime.Data)!, () => train, device), train, test, device);
            Leftovers.Remove(Console.Error.WriteLine, live.Session?.RunFolder, RecorderOptions.DefaultFolder,
                parsed.GetValue(record) is { } first ? Path.GetDirectoryName(RecordingPaths.Resolve(first)) : null);
            var deviceName = device.type.ToString().ToLowerInvariant();
            var session = live.OpenSession(parsed.GetValue(seed), deviceName, Console.WriteLine, talk: talk,
                bookmarks: fromCheckpoint is null && newRunDir is null || entrants is not null ? null : bookmarks, modelName: entrants is null ? null : RaceSession.HudName(entrants[0].Name, isFirst: true));
            var racer = rival is null ? null
                : new RaceSession(session, entrants![0].Name, rival.OpenSession(parsed.GetValue(seed), deviceName, _ => { }, modelName: RaceSession.HudName(entrants[1].Name, isFirst: false)), entrants[1].Name);
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
            rival?.Training?.Start();
            new LiveRunner((ILiveView?)racer ?? session, output, input, recording, pacer, Console.WriteLine)
                {
                    Health = health is { } every ? (every, new HealthLine(live)) : null,
                }
                .Run(limit, parsed.GetValue(record), stop.Token);
            rival?.Training?.Stop();
            live.Training?.Stop();
            if (racer is not null) Console.WriteLine($"race: {racer.Describe()}");
            return 0;
        });
        return command;
    }

    /// <summary>A new run's folder under runs/, named by the time and <paramref name="kind"/>.</summary>
    private static string NewRunFolder(string kind) => Path.Combine("runs", $"{WallClock.Stamp()}-{kind}");

    /// <summary>A race's model <paramref name="index"/>, trained from the start in its own folder inside <paramref name="folder"/>.</summary>
    /// <param name="classifier">Judges the maps' class changes; the model side owns it from here.</param>
    private static ModelSide OpenRacer(RaceEntrant[] entrants, int index, string folder, DigitClassifier? classifier, MnistSplit train, MnistSplit test, TorchSharp.torch.Device device)
    {
        var entrant = entrants[index];
        var runFolder = Path.Combine(folder, $"{index + 1}-{string.Concat(entrant.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}");
        return ModelSide.Train(TrainingSession.Start(runFolder, entrant.Config, entrant.Options, train, test, device), test, classifier);
    }

    /// <summary>
    /// The checkpoint shown or continued, or else a new run of <paramref name="config"/> and <paramref name="options"/>;
    /// the model side owns <paramref name="classifier"/> from here.
    /// </summary>
    private static ModelSide OpenModel(string? checkpoint, bool viewOnly, int? epochs, string? runDir, LvaeConfig? config, TrainOptions? options, DigitClassifier? classifier, MnistSplit train, MnistSplit test, TorchSharp.torch.Device device)
    {
        if (checkpoint is not null && viewOnly) return ModelSide.View(checkpoint, test, device, classifier);
        var session = checkpoint is not null
            ? TrainingSession.Resume(checkpoint, train, test, device, epochs)
            : TrainingSession.Start(runDir ?? NewRunFolder("live"), config!, options!, train, test, device);
        return ModelSide.Train(session, test, classifier);
    }
}
