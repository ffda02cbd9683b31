using System.CommandLine;
using LvaeLive.Host.Commands;

var root = new RootCommand("LvaeLive: trains a Ladder VAE on MNIST and shows its hierarchical latents live through Vulkan.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(RecordCommand.Create());
root.Subcommands.Add(LiveViewCommand.Create());
root.Subcommands.Add(TalkCommand.Create());
return CommandRunner.Run(root, args);
