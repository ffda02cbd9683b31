using LvaeLive.Files.Time;
using LvaeLive.Model.Data;
using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// Trains a model one batch at a time: maximises the ELBO with the KL term scaled by beta (the warm-up), Adam with a
/// total-norm gradient clip, at the rate the options' schedule gives each epoch, halved for each restore. All
/// randomness that a resumed run must repeat comes from two torch generators whose state is saved: one draws each
/// epoch's binarization and order, one the posterior samples of each step.
/// </summary>
public sealed class Trainer : IDisposable
{
    /// <summary>Each restore after repeated non-finite losses (<see cref="TrainingSession"/>) multiplies the scheduled rate by this.</summary>
    public const double RestoreLearningRateFactor = 0.5;

    private readonly Tensor _trainImages;
    private readonly Generator _dataGenerator;
    private readonly Generator _noiseGenerator;
    private readonly EpochData _epochData;
    private readonly AdamOptimizer _optimizer;
    private readonly HeldScalar _beta = new(0);
    private readonly HeldScalar _freeBits;
    // Batch norm's running statistics and counters, gathered into one buffer per type, and a copy of each taken before
    // each step: a skipped step's forward pass has already folded its non-finite activations into them, so they are
    // put back. Gathered, the copy is an operation per type instead of one per tensor.
    private readonly (Tensor Live, Tensor BeforeStep)[] _normBuffers;

    public Trainer(HierarchicalModel model, TrainOptions options, MnistSplit train, Device device)
    {
        Model = model;
        Options = options.Validated();
        _freeBits = new HeldScalar(Options.FreeBits);
        Device = device;
        var images = Options.TrainLimit > 0 ? train.Take(Options.TrainLimit) : train;
        _trainImages = tensor(images.GreyLevels, [images.Count, LvaeConfig.ImagePixels], device: device);
        StepsPerEpoch = images.Count / Options.BatchSize;
        _dataGenerator = new Generator(RunSeeds.Data(Options.Seed), device);
        _noiseGenerator = new Generator(RunSeeds.Noise(Options.Seed), device);
        _epochData = new EpochData(_trainImages, _dataGenerator, binarize: model.Config.Likelihood == Likelihood.Bernoulli);
        _normBuffers = model.buffers().GroupBy(buffer => buffer.dtype).Select(group => FlatStorage.Gather(group.ToList()))
            .Select(buffer => (buffer, buffer.clone().DetachFromDisposeScope())).ToArray();
        Progress = new TrainingProgress { LearningRate = Options.LearningRateAt(0) };
        _optimizer = new AdamOptimizer(model.parameters(), Progress.LearningRate, epsilon: Options.AdamEpsilon);
        _epochData.NextEpoch();
    }

    public HierarchicalModel Model { get; }
    public TrainOptions Options { get; }
    public Device Device { get; }
    public int StepsPerEpoch { get; }
    public TrainingProgress Progress { get; private set; }
    public bool Finished => Progress.Epoch >= Options.Epochs;

    /// <summary>The KL weight of the next step: rises linearly over the warm-up epochs, then stays at 1.</summary>
    public double Beta => Options.WarmupEpochs <= 0
        ? 1.0
        : Math.Min(1.0, (Progress.Epoch + (double)Progress.StepInEpoch / StepsPerEpoch) / Options.WarmupEpochs);

    /// <summary>Takes one step. A non-finite loss skips the update (the result says so) and the run moves on.</summary>
    public StepResult Step()
    {
        var started = WallClock.StartNew();
        var stepBeta = Beta;
        StepResult result;
        using (var _ = NewDisposeScope())
        {
            Model.train();
            using (no_grad()) foreach (var (live, beforeStep) in _normBuffers) beforeStep.copy_(live);
            var x = _epochData.Batch(Progress.StepInEpoch, Options.BatchSize);
            var pass = Model.Infer(x, _noiseGenerator);
            // Without free bits, exactly the paper's objective (and the stored runs' numbers).
            var loss = Options.FreeBits > 0 ? -pass.FreeBitsObjective(_beta.Of(stepBeta), _freeBits.Value) : -pass.Elbo(_beta.Of(stepBeta)).mean();
            // One read-back for every number the progress display needs: loss, log-likelihood, KL per layer.
            var summary = cat([loss.reshape(1), pass.LogLikelihood.mean().reshape(1), stack(pass.Kl.Select(k => k.mean())).reshape(-1)])
                .detach().cpu().data<float>().ToArray();
            var skipped = !summary.All(float.IsFinite);
            if (skipped)
            {
                using (no_grad()) foreach (var (live, beforeStep) in _normBuffers) live.copy_(beforeStep);
            }
            else
            {
                _optimizer.ZeroGrad();
                loss.backward();
                _optimizer.Step(maxGradientNorm: Options.GradientClip);
            }
            var kl = summary.Skip(2).Select(v => (double)v).ToArray();
            result = new StepResult(Progress.Epoch, Progress.StepInEpoch, Progress.GlobalStep, summary[1] - kl.Sum(), summary[1], kl, stepBeta, Options.BatchSize, skipped);
        }
        Advance(result.Skipped, started.Elapsed.TotalSeconds);
        return result;
    }

    private void Advance(bool skipped, double seconds)
    {
        var progress = Progress with
        {
            StepInEpoch = Progress.StepInEpoch + 1,
            GlobalStep = Progress.GlobalStep + 1,
            SkippedSteps = Progress.SkippedSteps + (skipped ? 1 : 0),
            TrainingSeconds = Progress.TrainingSeconds + seconds,
        };
        if (progress.StepInEpoch == StepsPerEpoch)
        {
            progress = progress with { Epoch = progress.Epoch + 1, StepInEpoch = 0 };
            progress = progress with { LearningRate = ScheduledRate(progress) };
            SetLearningRate(progress.LearningRate);
            if (progress.Epoch < Options.Epochs) _epochData.NextEpoch();
        }
        Progress = progress;
    }

    /// <summary>Records a test evaluation in the progress that the next checkpoint saves.</summary>
    public void RecordTestElbo(double elbo) => Progress = Progress with { TestElbo = elbo };

    /// <summary>
    /// After a restore from a checkpoint (repeated non-finite losses), which brought back the checkpoint's progress:
    /// trains on with <paramref name="restores"/> restores in the run so far, each of which halved the scheduled rate.
    /// </summary>
    public void ContinueAfterRestore(int restores) => ContinueFrom(Progress with { Restores = restores });

    /// <summary>Counts on from <paramref name="progress"/> (a model trained before, or a restored checkpoint), at the rate its epoch and restores are scheduled.</summary>
    internal void ContinueFrom(TrainingProgress progress)
    {
        Progress = progress with { LearningRate = ScheduledRate(progress) };
        SetLearningRate(Progress.LearningRate);
    }

    /// <summary>The options' rate for the epoch of <paramref name="progress"/>, lowered for each restore so far.</summary>
    private double ScheduledRate(TrainingProgress progress) =>
        Options.LearningRateAt(progress.Epoch) * Math.Pow(RestoreLearningRateFactor, progress.Restores);

    private void SetLearningRate(double learningRate)
    {
        _optimizer.LearningRate = learningRate;
    }

    /// <summary>Writes what the next step depends on besides the weights: optimizer state and generator states.</summary>
    internal void WriteState(BinaryWriter writer)
    {
        _optimizer.Save(writer);
        WriteBytes(writer, _epochData.EpochStartState!);
        using var noiseState = _noiseGenerator.get_state();
        WriteBytes(writer, noiseState);
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote, with the progress saved beside it; <paramref name="source"/> names the file in errors.</summary>
    internal void ReadState(BinaryReader reader, TrainingProgress progress, string source)
    {
        _optimizer.Load(reader, source);
        ContinueFrom(progress);
        using (var epochStart = ReadBytes(reader, source, "the epoch's data order")) _epochData.RestoreEpoch(epochStart);
        using var noiseState = ReadBytes(reader, source, "the noise generator's state");
        _noiseGenerator.set_state(noiseState);
    }

    private static void WriteBytes(BinaryWriter writer, Tensor state)
    {
        var bytes = state.bytes;
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>A length-prefixed byte tensor; a length that is negative or longer than the rest of the file is refused, not allocated.</summary>
    private static Tensor ReadBytes(BinaryReader reader, string source, string what)
    {
        var length = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (length < 0 || length > left)
            throw new InvalidDataException($"{source} is not a valid weights file: it claims {length} bytes of {what}, but {left} bytes follow");
        var bytes = reader.ReadBytes(length);
        var state = torch.empty(bytes.Length, ScalarType.Byte);
        state.bytes = bytes;
        return state;
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _beta.Dispose();
        _freeBits.Dispose();
        foreach (var (live, beforeStep) in _normBuffers)
        {
            beforeStep.Dispose();
            live.Dispose(); // the buffers' storage lives on in the model's tensors that view it
        }
        _epochData.Dispose();
        _noiseGenerator.Dispose();
        _dataGenerator.Dispose();
        _trainImages.Dispose();
    }
}
