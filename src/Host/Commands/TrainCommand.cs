using System.CommandLine;
using LvaeLive.Model.Data;
using LvaeLive.Model.Time;
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

            var (train, test) = MnistDataset.Load(parsed.GetValue(runtime.Data)!);
            using var session = resuming
                ? Resume(parsed, model, folder!, train, test, device)
                : TrainingSession.Start(folder ?? NewRunFolder(parsed, model), model.Config(parsed), model.Training(parsed), train, test, device);
            Leftovers.Remove(Console.Error.WriteLine, session.RunFolder);
            using var stop = new ConsoleStop();
            TrainProgressView.Run(session, device.type.ToString().ToLowerInvariant(), stop.Token);
            return 0;
        });
        return command;
    }

    private static TrainingSession Resume(ParseResult parsed, ModelOptions model, string folder, MnistSplit train, MnistSplit test, TorchSharp.torch.Device device)
    {
        var session = TrainingSession.Resume(folder, train, test, device, parsed.GetValue(model.Epochs));
        if (model.ShapeGiven(parsed) && !model.Config(parsed).Equals(session.Trainer.Model.Config))
        {
            var saved = session.Trainer.Model.Config.Describe();
            session.Dispose();
            throw new ArgumentException($"--resume: {folder} holds a {saved} model, which the shape options given do not match; drop them to resume");
        }
        return session;
    }

    private static string NewRunFolder(ParseResult parsed, ModelOptions model) =>
        Path.Combine("runs", $"{WallClock.Stamp()}-{model.Config(parsed).Kind.ToString().ToLowerInvariant()}");
}
