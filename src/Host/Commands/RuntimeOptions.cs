using System.CommandLine;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using TorchSharp;

namespace LvaeLive.Host.Commands;

/// <summary>Where data lives and what the program computes on: shared by every verb that runs a model.</summary>
internal sealed class RuntimeOptions
{
    public readonly Option<string> Data = new("--data") { Description = "Folder with MNIST's four IDX files (plain or .gz); by default data/mnist here or in the repository.", DefaultValueFactory = _ => MnistDataset.LocateDefaultFolder() };
    public readonly Option<string> Device = new("--device") { Description = "auto (CUDA when available), cpu or cuda.", DefaultValueFactory = _ => "auto" };
    public readonly Option<int> Threads;

    /// <param name="defaultThreads">libtorch's threads when --threads is not given; all cores when null.</param>
    public RuntimeOptions(int? defaultThreads = null)
    {
        var threads = defaultThreads ?? Environment.ProcessorCount;
        Threads = new Option<int>("--threads") { Description = $"libtorch's CPU threads (default {threads}).", DefaultValueFactory = _ => threads };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Device);
        command.Options.Add(Threads);
    }

    /// <summary>Sets libtorch's thread count and how native memory is kept, and returns the chosen device.</summary>
    public torch.Device Apply(ParseResult parsed)
    {
        torch.set_num_threads(CheckedThreads(parsed));
        NativeHeap.KeepFreedBlocks();
        return DeviceChoice.Resolve(parsed.GetValue(Device)!);
    }

    /// <summary>The --threads given, if positive.</summary>
    public int CheckedThreads(ParseResult parsed)
    {
        var threads = parsed.GetValue(Threads);
        return threads > 0 ? threads : throw new ArgumentException($"--threads must be positive (got {threads})");
    }
}
