using System.CommandLine;
using LvaeLive.Model.Checkpoints;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae export`: a checkpoint's model without its optimizer state, to ship or share (models/ was made so).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "Run folder (or its checkpoint.json) of the model to export.", Required = true };
        var output = new Option<string>("--out") { Description = $"Folder for {CheckpointStore.IndexFile} and the weights; an existing model there is not overwritten.", Required = true };
        var format = new Option<WeightsFormat>("--format")
        {
            Description = $"lvae: {CheckpointStore.ExportedWeightsFile}, LvaeLive's own file; safetensors: {CheckpointStore.SafetensorsWeightsFile}, which the PyTorch package in python/ loads.",
            DefaultValueFactory = _ => WeightsFormat.Lvae,
        };
        var command = new Command("export", "Write a checkpoint's model without its optimizer state (a third of the size): it can be shown, evaluated and trained on from, not resumed.");
        command.Options.Add(checkpoint);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(parsed =>
        {
            var folder = parsed.GetValue(output)!;
            var info = CheckpointStore.Export(parsed.GetValue(checkpoint)!, folder, parsed.GetValue(format));
            var weights = new FileInfo(Path.Combine(folder, info.WeightsFile));
            Console.WriteLine($"exported {info.Model.Describe()} (epoch {info.Progress.Epoch}) to {weights.FullName}: {weights.Length / 1e6:F1} MB, SHA-256 {info.WeightsSha256}");
            return 0;
        });
        return command;
    }
}
