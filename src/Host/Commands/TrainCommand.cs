using System.CommandLine;
using LvaeLive.Model;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Files.Time;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae train`: trains an LVAE or VAE on MNIST into a run folder, with live progress.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new ModelOptions();
        var runtime = new RuntimeOptions();
        var runDir = new Option<string?>("--run-dir") { Description = "Run folder for checkpoints and TensorBoard events (default: a new folder under runs/)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --run-dir exactly where it stopped." };

        var command = new Command("train", "Train the Ladder VAE (or the VAE baseline) on MNIST.");
        model.AddTo(command);
        runtime.AddTo(command);
        command.Options.Add(runDir);
        command.Options.Add(resume);
        command.SetAction(parsed =>
        {
            var device = runtime.Apply(parsed);
            var folder = parsed.GetValue(runDir);
            var resuming = parsed.GetValue(resume);
            if (resuming && folder is null)
                throw new ArgumentException("--resume needs --run-dir naming the run to continue");
            // Every option is checked before the data is loaded or anything is written.
            if (resuming) model.RequireCompatible(parsed, "--resume", folder!, CheckpointStore.ReadInfo(folder!).Info.Model);
            var (config, options) = resuming ? (null, null) : (model.Config(parsed), model.Training(parsed));

            var (train, test) = MnistDataset.Load(parsed.GetValue(runtime.Data)!);
            using var session = resuming
                ? TrainingSession.Resume(folder!, train, test, device, parsed.GetValue(model.Epochs))
                : TrainingSession.Start(folder ?? NewRunFolder(config!), config!, options!, train, test, device);
            Leftovers.Remove(Console.Error.WriteLine, session.RunFolder);
            using var stop = new ConsoleStop();
            TrainProgressView.Run(session, device.type.ToString().ToLowerInvariant(), stop.Token);
            return 0;
        });
        return command;
    }

    private static string NewRunFolder(LvaeConfig config) =>
        Path.Combine("runs", $"{WallClock.Stamp()}-{config.Kind.ToString().ToLowerInvariant()}");
}
