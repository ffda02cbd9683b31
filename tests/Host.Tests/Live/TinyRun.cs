using LvaeLive.Model;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Live;

/// <summary>A small model and MNIST, for live-view tests that need a run folder but not a good model.</summary>
internal static class TinyRun
{
    public static readonly LvaeConfig Shape = new() { LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] };
    public static readonly TrainOptions Options = new() { Epochs = 1000, BatchSize = 64, TrainLimit = 2048, WarmupEpochs = 0, Seed = 4 };

    private static readonly Lazy<(MnistSplit Train, MnistSplit Test)> Mnist =
        new(() => MnistDataset.Load(Path.Combine(LvaeProcess.RepositoryRoot, MnistDataset.DefaultFolder)));

    public static MnistSplit Train => Mnist.Value.Train;
    public static MnistSplit Test => Mnist.Value.Test;

    public static TrainingSession Start(string folder) => TrainingSession.Start(folder, Shape, Options, Train, Test.Take(500), CPU);

    /// <summary>A run folder with a checkpoint after <paramref name="steps"/> steps.</summary>
    public static void Checkpoint(string folder, int steps)
    {
        using var session = Start(folder);
        for (var i = 0; i < steps; i++) session.StepOnce(_ => { });
        session.SaveOnStop(_ => { });
    }
}
