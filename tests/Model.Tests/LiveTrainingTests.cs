using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class LiveTrainingTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), $"lvae-live-{Guid.NewGuid():N}");

    [Fact]
    public void SnapshotsArriveNewestFirstAndNeverTwice()
    {
        using var model = ModelFactory.Create(Small, seed: 1);
        using var exchange = new SnapshotExchange(model);
        Assert.Null(exchange.TakeNewest());
        exchange.Publish(model, step: 1);
        exchange.Publish(model, step: 2);
        Assert.Equal(2, exchange.TakeNewest()!.Step);
        Assert.Null(exchange.TakeNewest());
        exchange.Publish(model, step: 3);
        var third = exchange.TakeNewest()!;
        Assert.Equal(3, third.Step);
        // Publishing again never writes into the snapshot the reader holds.
        using (no_grad()) foreach (var p in model.parameters()) p.add_(1);
        exchange.Publish(model, step: 4);
        exchange.Publish(model, step: 5);
        Assert.Equal(3, third.Step);
        Assert.Equal(5, exchange.TakeNewest()!.Step);
    }

    [Fact]
    public void TrainsInTheBackgroundAndTheViewFollowsItsWeights()
    {
        var options = new TrainOptions { Epochs = 1000, BatchSize = 64, TrainLimit = 1024, WarmupEpochs = 0, Seed = 2 };
        using var session = TrainingSession.Start(_runFolder, Small, options, TestSetup.Train, TestSetup.Test.Take(200), CPU);
        using var live = new LiveTraining(session, TimeSpan.Zero);
        using var view = new InferenceCopy(Small, CPU);
        live.Start();

        var elbos = new List<double>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (elbos.Count < 60 && !deadline.IsCancellationRequested)
        {
            live.ThrowIfFailed();
            while (live.TryNextEvent(out var e))
                if (e is TrainingEvent.Stepped s) elbos.Add(s.Step.Elbo);
            if (live.TakeNewestWeights() is { } snapshot) view.Load(snapshot);
            Thread.Sleep(5);
        }
        live.Stop();

        Assert.True(elbos.Count >= 60, $"only {elbos.Count} steps arrived");
        Assert.True(view.WeightsStep > 0, "the view never received trained weights");
        var start = elbos.Take(5).Average();
        var end = elbos.Skip(elbos.Count - 5).Average();
        Assert.True(end > start + 100, $"ELBO went from {start:F1} to {end:F1}; expected a rise of over 100 nats");
        // Stopping saved the run where it stood.
        var (info, _) = Checkpoints.CheckpointStore.ReadInfo(_runFolder);
        Assert.Equal(session.Trainer.Progress.GlobalStep, info.Progress.GlobalStep);
    }

    public void Dispose()
    {
        if (Directory.Exists(_runFolder)) Directory.Delete(_runFolder, recursive: true);
    }
}
