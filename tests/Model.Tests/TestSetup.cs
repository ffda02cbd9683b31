using System.Runtime.CompilerServices;
using LvaeLive.Model.Data;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LvaeLive.Model.Tests;

/// <summary>
/// Model tests share libtorch's global state (its thread pool), so they run one at a time with one libtorch thread:
/// results then repeat exactly from run to run. Weights, data and noise each come from a generator of their own.
/// </summary>
internal static class TestSetup
{
    [ModuleInitializer]
    internal static void UseOneThread() => TorchSharp.torch.set_num_threads(1);

    /// <summary>The repository the tests were built in.</summary>
    public static string RepositoryFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LvaeLive.sln")))
                    return dir.FullName;
            throw new InvalidOperationException("tests must run inside the repository");
        }
    }

    /// <summary>The repository's MNIST folder (scripts/fetch-mnist.sh fills it).</summary>
    public static string MnistFolder => Path.Combine(RepositoryFolder, MnistDataset.DefaultFolder);

    private static readonly Lazy<(MnistSplit Train, MnistSplit Test)> Mnist = new(() => MnistDataset.Load(MnistFolder));
    public static MnistSplit Train => Mnist.Value.Train;
    public static MnistSplit Test => Mnist.Value.Test;
}
