using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// A training run in its run folder: steps the trainer, scores the test set and checkpoints after every epoch and on
/// stop, writes TensorBoard scalars, and recovers from repeated non-finite losses by restoring the last checkpoint
/// with a lower learning rate, up to <see cref="MaxRestores"/> times.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    /// <summary>After this many non-finite steps in a row, the last checkpoint is restored.</summary>
    public const int NonFiniteStepsBeforeRestore = 3;
    /// <summary>Restores of one checkpoint, each at a lower learning rate, before the run is given up as diverging.</summary>
    public const int MaxRestores = 5;
    /// <summary>Training scalars are logged (TensorBoard, metrics.jsonl) every this many steps.</summary>
    public const int ScalarEverySteps = 20;

    private readonly Tensor _testImages;
    private readonly TorchSharp.Modules.SummaryWriter _events;
    private readonly Throughput _throughput = new();
    private readonly RunLock _lock;
    private int _nonFiniteInARow;
    private CheckpointInfo _lastCheckpoint;

    private TrainingSession(RunLock runLock, string runFolder, Trainer trainer, Tensor testImages, CheckpointInfo? resumedFrom)
    {
        _lock = runLock;
        RunFolder = runFolder;
        Trainer = trainer;
        _testImages = testImages;
        _events = torch.utils.tensorboard.SummaryWriter(runFolder);
        // A checkpoint exists from the start, so a restore always has somewhere to go back to.
        _lastCheckpoint = resumedFrom ?? CheckpointStore.Save(runFolder, trainer);
    }

    public string RunFolder { get; }
    public Trainer Trainer { get; }

    /// <summary>Starts a new run. The seed fixes the initial weights as well as the data order and noise.</summary>
    public static TrainingSession Start(string runFolder, LvaeConfig config, TrainOptions options, MnistSplit train, MnistSplit test, Device device) =>
        Locked(runFolder, held =>
        {
            RequireNoRun(runFolder);
            var model = ModelFactory.Create(config, RunSeeds.Weights(options.Seed));
            model.MoveTo(device);
            return new TrainingSession(held, runFolder, new Trainer(model, options, train, device), TestImages.Prepare(test, config.Likelihood, device), null);
        });

    /// <summary>
    /// Starts a new run in <paramref name="runFolder"/> from the weights of the model at <paramref name="checkpoint"/>
    /// (an exported one too, such as the shipped model): its shape and recipe, with a fresh optimizer, for
    /// <paramref name="epochs"/> more epochs over which its learning-rate schedule starts again from
    /// <paramref name="learningRate"/>. Epochs and steps count on from the checkpoint's, so that its warm-up stays done
    /// and its training curves, copied in, run on.
    /// </summary>
    public static TrainingSession StartFrom(string checkpoint, string runFolder, int epochs, double learningRate, MnistSplit train, MnistSplit test, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        return Locked(runFolder, held =>
        {
            RequireNoRun(runFolder);
            var (info, folder) = CheckpointStore.ReadInfo(checkpoint);
            var model = CheckpointStore.LoadModel(checkpoint, device);
            var options = (info.Training with { Epochs = info.Progress.Epoch + epochs, LearningRate = learningRate, ScheduleStartEpoch = info.Progress.Epoch }).Validated();
            var trainer = new Trainer(model, options, train, device);
            trainer.ContinueFrom(info.Progress with { StepInEpoch = 0, SkippedSteps = 0, Restores = 0 });
            var history = Path.Combine(folder, MetricsLog.FileName);
            if (File.Exists(history)) File.Copy(history, Path.Combine(runFolder, MetricsLog.FileName));
            return new TrainingSession(held, runFolder, trainer, TestImages.Prepare(test, info.Model.Likelihood, device), null);
        });
    }

    /// <summary>
    /// Opens a session in <paramref name="runFolder"/> under its <see cref="RunLock"/>, taken before the folder is read,
    /// so that a second trainer is refused before it checks or writes anything; abandoned if the opening fails (which
    /// removes a run folder that the lock made and nothing else filled).
    /// </summary>
    private static TrainingSession Locked(string runFolder, Func<RunLock, TrainingSession> open)
    {
        var held = RunLock.Take(runFolder);
        try
        {
            return open(held);
        }
        catch
        {
            held.Abandon();
            throw;
        }
    }

    private static void RequireNoRun(string runFolder)
    {
        if (File.Exists(Path.Combine(runFolder, CheckpointStore.IndexFile)))
            throw new IOException($"{runFolder} already holds a run; pass --resume to continue it, or choose another --run-dir");
    }

    /// <summary>Continues the run saved in <paramref name="runFolder"/>, optionally for a different number of epochs.</summary>
    public static TrainingSession Resume(string runFolder, MnistSplit train, MnistSplit test, Device device, int? epochs = null) =>
        // The folder is found first (the path may name its checkpoint.json); the checkpoint is read under the lock.
        Locked(CheckpointStore.ReadInfo(runFolder).RunFolder, held =>
        {
            var (info, folder) = CheckpointStore.ReadInfo(runFolder);
            var model = ModelFactory.ForLoading(info.Model);
            model.MoveTo(device);
            var options = epochs is { } e ? info.Training with { Epochs = e } : info.Training;
            var trainer = new Trainer(model, options, train, device);
            CheckpointStore.Restore(folder, info, trainer);
            return new TrainingSession(held, folder, trainer, TestImages.Prepare(test, info.Model.Likelihood, device), info with { Training = options });
        });

    /// <summary>Trains until the last epoch or until <paramref name="stop"/> fires; either way the run ends saved.</summary>
    public void Run(Action<TrainingEvent> report, CancellationToken stop)
    {
        while (!Trainer.Finished && !stop.IsCancellationRequested)
            StepOnce(report);
        SaveOnStop(report);
    }

    /// <summary>Saves the steps taken since the last checkpoint, if any, so that a stopped run resumes from here.</summary>
    public void SaveOnStop(Action<TrainingEvent> report)
    {
        if (Trainer.Progress.GlobalStep == _lastCheckpoint.Progress.GlobalStep) return;
        _lastCheckpoint = CheckpointStore.Save(RunFolder, Trainer);
        report(new TrainingEvent.Notice($"stopped at epoch {Trainer.Progress.Epoch + 1}, step {Trainer.Progress.StepInEpoch}; saved {_lastCheckpoint.WeightsFile} (continue with --resume)"));
    }

    /// <summary>One step, with what follows it: logging, the epoch's evaluation and checkpoint, or a restore.</summary>
    public TrainingEvent.Stepped StepOnce(Action<TrainingEvent> report)
    {
        var epoch = Trainer.Progress.Epoch;
        var step = Trainer.Step();
        var stepped = new TrainingEvent.Stepped(step, Trainer.Progress, _throughput.Add(step.Samples));
        report(stepped);

        if (step.Skipped) HandleNonFinite(step, report);
        else _nonFiniteInARow = 0;

        if (!step.Skipped && step.GlobalStep % ScalarEverySteps == 0) LogStep(step);
        if (Trainer.Progress.Epoch != epoch) EndEpoch(epoch, report);
        return stepped;
    }

    private void HandleNonFinite(StepResult step, Action<TrainingEvent> report)
    {
        _nonFiniteInARow++;
        report(new TrainingEvent.Notice($"non-finite loss at step {step.GlobalStep} (epoch {step.Epoch + 1}); update skipped"));
        if (_nonFiniteInARow < NonFiniteStepsBeforeRestore) return;
        // The restore brings back the checkpoint's progress, its restore count too: the count is taken from before it,
        // so that each restore is counted and halves the scheduled rate once more.
        var failed = Trainer.Progress;
        if (failed.Restores - _lastCheckpoint.Progress.Restores >= MaxRestores)
            throw new TrainingDivergedException(
                $"training diverged: the loss stayed non-finite through {MaxRestores} restores of {_lastCheckpoint.WeightsFile}, down to a learning rate of " +
                $"{failed.LearningRate:G3}; {RunFolder} still holds that checkpoint. Start a new run with a lower --lr (this one began at {Trainer.Options.LearningRate:G3})");
        CheckpointStore.Restore(RunFolder, _lastCheckpoint, Trainer);
        Trainer.ContinueAfterRestore(failed.Restores + 1);
        _nonFiniteInARow = 0;
        report(new TrainingEvent.Notice($"{NonFiniteStepsBeforeRestore} non-finite losses in a row: restored {_lastCheckpoint.WeightsFile} and lowered the learning rate to {Trainer.Progress.LearningRate:G3}"));
    }

    private void EndEpoch(int epoch, Action<TrainingEvent> report)
    {
        var test = ElboEvaluation.Evaluate(Trainer.Model, _testImages);
        Trainer.RecordTestElbo(test.Elbo);
        _events.add_scalar("test/elbo", (float)test.Elbo, epoch + 1);
        _events.add_scalar("test/reconstruction", (float)test.Reconstruction, epoch + 1);
        for (var i = 0; i < test.Kl.Length; i++) _events.add_scalar($"test/kl/z{i + 1}", (float)test.Kl[i], epoch + 1);
        MetricsLog.Append(RunFolder, new MetricsEntry(Trainer.Progress.GlobalStep, epoch + 1, TestElbo: test.Elbo));
        _lastCheckpoint = CheckpointStore.Save(RunFolder, Trainer);
        report(new TrainingEvent.EpochEnded(epoch, test, _lastCheckpoint.WeightsFile));
    }

    private void LogStep(StepResult step)
    {
        var at = (int)step.GlobalStep;
        _events.add_scalar("train/elbo", (float)step.Elbo, at);
        _events.add_scalar("train/reconstruction", (float)step.Reconstruction, at);
        _events.add_scalar("train/beta", (float)step.Beta, at);
        _events.add_scalar("train/learning_rate", (float)Trainer.Progress.LearningRate, at);
        for (var i = 0; i < step.Kl.Length; i++) _events.add_scalar($"train/kl/z{i + 1}", (float)step.Kl[i], at);
        MetricsLog.Append(RunFolder, new MetricsEntry(step.GlobalStep, step.Epoch, step.Elbo, step.Kl, step.Beta));
    }

    public void Dispose()
    {
        _testImages.Dispose();
        Trainer.Dispose();
        Trainer.Model.Dispose();
        _lock.Dispose();
    }
}
