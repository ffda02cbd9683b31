using LvaeLive.Host.Input;
using LvaeLive.Model;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using TorchSharp;

namespace LvaeLive.Host.Live;

/// <summary>
/// The model side of a live session: the render thread's inference copy, test digits for reconstructions and
/// interpolations, and either a training session on its own thread (which also builds the latent maps), or, without
/// training, a map built once. Disposed in reverse order of creation; stopping training saves a checkpoint.
/// </summary>
internal sealed class ModelSide : IDisposable
{
    public const int MapDigits = 5000;
    /// <summary>Weights reach the view this often: fresh enough to watch, rare enough to cost training nothing.</summary>
    public static readonly TimeSpan SnapshotInterval = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan MapInterval = TimeSpan.FromSeconds(5);

    private readonly LatentMapBuilder _maps;

    private ModelSide(InferenceCopy copy, LatentMapBuilder maps, float[] testDigits, TrainingSession? session, LiveTraining? training, LatentMap? fixedMap, IReadOnlyList<MetricsEntry> history)
    {
        History = history;
        Copy = copy;
        _maps = maps;
        TestDigits = testDigits;
        Session = session;
        Training = training;
        FixedMap = fixedMap;
    }

    public InferenceCopy Copy { get; }
    public float[] TestDigits { get; }
    public TrainingSession? Session { get; }
    public LiveTraining? Training { get; }
    /// <summary>Without training, the one map of the checkpoint's weights.</summary>
    public LatentMap? FixedMap { get; }
    public LvaeConfig Config => Copy.Config;
    /// <summary>The run's curves up to the weights shown, from its metrics log.</summary>
    public IReadOnlyList<MetricsEntry> History { get; }

    /// <summary>A checkpoint shown without training (lvae live --no-train, lvae record).</summary>
    public static ModelSide View(string checkpoint, MnistSplit test, torch.Device device)
    {
        using var model = CheckpointStore.LoadModel(checkpoint, device);
        var copy = InferenceCopy.Of(model);
        var maps = new LatentMapBuilder(test.Take(MapDigits), model.Config.Likelihood, device);
        var (info, runFolder) = CheckpointStore.ReadInfo(checkpoint);
        var map = maps.Build(model, info.Progress.GlobalStep, previous: null);
        var digits = Digits(test, model.Config);
        return new ModelSide(copy, maps, digits, null, null, map, MetricsLog.Read(runFolder, info.Progress.GlobalStep));
    }

    /// <summary>Trains while showing: a new run, or the run of <paramref name="checkpoint"/> continued.</summary>
    public static ModelSide Train(TrainingSession session, MnistSplit test)
    {
        var model = session.Trainer.Model;
        var copy = InferenceCopy.Of(model);
        var maps = new LatentMapBuilder(test.Take(MapDigits), model.Config.Likelihood, session.Trainer.Device);
        var training = new LiveTraining(session, SnapshotInterval, maps, MapInterval);
        var digits = Digits(test, model.Config);
        var history = MetricsLog.Read(session.RunFolder, session.Trainer.Progress.GlobalStep);
        return new ModelSide(copy, maps, digits, session, training, null, history);
    }

    /// <summary>The view of this model: its scene (latent paths from <paramref name="seed"/>) and its session.</summary>
    public LiveSession OpenSession(long seed, string device, Action<string> stateLog, double? loopSeconds = null)
    {
        var scene = new LiveScene(Copy, new LatentPaths(Config.LatentSizes, seed, loopSeconds: loopSeconds), TestDigits);
        return new LiveSession(scene, Training, new KeyMap(Config.Depth), device, stateLog, FixedMap, History);
    }

    private static float[] Digits(MnistSplit test, LvaeConfig config) => TestImages.PrepareFloats(test.Take(MapDigits), config.Likelihood);

    public void Dispose()
    {
        Training?.Dispose();
        _maps.Dispose();
        Session?.Dispose();
        Copy.Dispose();
    }
}
