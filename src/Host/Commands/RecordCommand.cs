using System.CommandLine;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Recording;
using LvaeLive.Host.Session;
using LvaeLive.Host.Settings;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Render.Settings;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae record`: renders the live view's animation of a checkpoint headless, on a frame clock (frame n is at n / fps
/// seconds), so that the same --paths-seed gives the same frames, for slides and talks. Its options become a
/// <see cref="ShowPlan"/> of checkpoints shown; the show runs the live view's frame loop, every frame going to the recorder.
/// </summary>
internal static class RecordCommand
{
    public static Command Create()
    {
        var runtime = new RuntimeOptions();
        var checkpoint = new Option<string[]>("--checkpoint") { Description = "Run folder (or its checkpoint.json) to show; with --race, give it twice." };
        var pretrained = PretrainedOption.Create();
        var race = new Option<bool>("--race") { Description = "Race two checkpoints of one shape side by side, driven by the same noise: --race --checkpoint A --checkpoint B, --race --pretrained --checkpoint B, or --race --pretrained for the shipped VAE and LVAE." };
        var seconds = ViewSettings.RecordSeconds.CreateOption();
        var fps = ViewSettings.Fps.CreateOption();
        var output = new Option<string>("--out") { Description = "Output file: .mp4 (H.264) or .gif; a bare name goes to recordings/.", DefaultValueFactory = _ => "recordings/morph.mp4" };
        var size = ViewSettings.VideoSize.CreateOption();
        var uiScale = ViewSettings.UiScale.CreateOption();
        var seed = ViewSettings.CreatePathsSeedOption();
        var loop = new Option<bool>("--loop") { Description = "Make every latent path periodic in the recording's length, so a GIF repeats seamlessly." };
        var layer = new Option<int>("--layer") { Description = "Layer shown on the latent map (1 = bottom).", DefaultValueFactory = _ => 1 };
        var hideHud = new Option<bool>("--no-hud") { Description = "Leave the HUD out for a clean picture." };
        var mode = new Option<string>("--mode")
        {
            Description = $"What the grid shows: {string.Join(", ", GridModes.ByName.Keys)} (the explorer: each row varies one layer alone).",
            DefaultValueFactory = _ => GridModes.Name(LatentScene.InitialMode),
        };
        mode.AcceptOnlyFromAmong([.. GridModes.ByName.Keys]);
        var talkFile = new Option<string?>("--talk") { Description = "Record this talk (TOML, see talks/): each step for its hold time; the talk sets the length." };

        var command = new Command("record", "Render the animated latents of a checkpoint to MP4 or GIF, headless and deterministic.");
        runtime.AddTo(command);
        foreach (var option in new Option[] { checkpoint, pretrained, race, seconds, fps, output, size, uiScale, seed, loop, layer, mode, hideHud, talkFile }) command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var racing = parsed.GetValue(race);
            var checkpoints = PretrainedOption.Checkpoints(parsed, pretrained, parsed.GetValue(checkpoint) ?? [], racing);
            if (checkpoints.Length != (racing ? 2 : 1))
                throw new ArgumentException(racing
                    ? $"--race needs two models, not {checkpoints.Length}: --race --checkpoint A --checkpoint B, --race --pretrained --checkpoint B, or --race --pretrained"
                    : $"{checkpoints.Length} models given: name one with --checkpoint RUN or --pretrained, or add --race to race two");
            if (racing && parsed.GetValue(talkFile) is not null)
                throw new ArgumentException("--talk plays one model: drop --race or --talk");
            var (info, runFolder) = CheckpointStore.ReadInfo(checkpoints[0]);
            var rivalInfo = racing ? CheckpointStore.ReadInfo(checkpoints[1]) : ((CheckpointInfo Info, string RunFolder)?)null;
            if (rivalInfo is { } other && !(other.Info.Model.LatentSizes.SequenceEqual(info.Model.LatentSizes) && other.Info.Model.Likelihood == info.Model.Likelihood))
                throw new ArgumentException($"--checkpoint {checkpoints[0]} and {checkpoints[1]} differ in shape ({info.Model.Describe()}; {other.Info.Model.Describe()}): " +
                    "a race drives both with the same noise and data, so give two checkpoints of the same latent sizes and likelihood");
            var bookmarks = new BookmarkShelf(parsed.GetValue(pretrained) ? ShippedModel.BookmarkFolder : runFolder, info.Model.LatentSizes, Console.Error.WriteLine);
            var talk = parsed.GetValue(talkFile) is { } talkPath ? ModelSide.LoadTalk(talkPath, info.Model.LatentSizes, bookmarks) : null;
            var length = talk?.Seconds ?? ViewSettings.RecordSeconds.Checked(parsed.GetValue(seconds));
            var rate = ViewSettings.Fps.Checked(parsed.GetValue(fps));
            var extent = ViewSettings.VideoSize.Checked(parsed.GetValue(size)!);
            var scale = ViewSettings.UiScale.Checked(parsed.GetValue(uiScale));
            var models = racing
                ? new[] { ShowModel.Racing(checkpoints[0]), ShowModel.Racing(checkpoints[1]) }
                : [new ShowModel(new ModelSource.Shown(checkpoints[0]))];
            var plan = new ShowPlan(models)
            {
                PathsSeed = parsed.GetValue(seed),
                LoopSeconds = parsed.GetValue(loop) ? length : null,
                Talk = talk,
                AutomaticTalk = true,
                Bookmarks = bookmarks,
                UiScale = scale,
            };
            // Answered from here on: a stop signal removes the partial recording, and the command says so once done.
            using var stop = new ConsoleStop(announcement: null);
            LavapipeThreads.Ensure(ViewSettings.DefaultLavapipeThreads(plan.Trains));
            var device = runtime.Apply(parsed);
            using var show = ShowComposition.Open(plan, ShowData.Read(parsed.GetValue(runtime.Data)!), device);
            foreach (var session in show.Sessions)
            {
                if (!session.Scene.Latent.SelectLayer(parsed.GetValue(layer)))
                    throw new ArgumentException($"--layer {parsed.GetValue(layer)}: the model has layers 1 to {show.Sides[0].Config.Depth}");
                session.Scene.Latent.Show(GridModes.ByName[parsed.GetValue(mode)!]);
                if (parsed.GetValue(hideHud)) session.View.ToggleHud();
            }
            using var canvas = new HeadlessCanvas(extent);
            // Every frame must reach the file for the output to be deterministic: wait for the encoder rather than drop,
            // and fail rather than finish a video with a frame missing.
            using var recorder = new Recorder(new RecorderOptions { SubmitWait = TimeSpan.FromMinutes(1), EveryFrame = true });
            var path = parsed.GetValue(output)!;
            Leftovers.Remove(Console.Error.WriteLine, runFolder: null, Path.GetDirectoryName(RecordingPaths.Resolve(path)));
            if (!recorder.Start(path, rate, (int)extent.Width, (int)extent.Height))
                throw new IOException(recorder.Status);

            // The output ends the run early when the recording failed or lost a frame: Stop then says why.
            var video = new RecordOutput(canvas, recorder);
            new LiveRunner(show.View, video, video, recording: null, new FrameClock(rate), _ => { })
                .Run(TimeSpan.FromSeconds(length), recordFrom: null, stop.Token);
            var result = recorder.Stop(stop.Token);
            // A signal that came once the file was whole (finished and renamed) stopped nothing: it is reported as written.
            if (!result.Succeeded && stop.Received is { } signal)
            {
                Console.Error.WriteLine($"lvae: record: stopped by {signal}; removed the partial recording");
                return stop.ExitCode;
            }
            if (!result.Succeeded)
                throw new IOException($"{result.Message}; nothing was kept at {RecordingPaths.Resolve(path)}: check the free space and permissions there, or choose another --out");
            while (recorder.TryReadMessage(out var message)) Console.Error.WriteLine($"lvae: {message}");
            Console.WriteLine($"lvae: wrote {result.Path} ({result.FramesWritten} frames, {extent.Width}x{extent.Height}, {rate} fps)");
            return 0;
        });
        return command;
    }
}
