using LvaeLive.Host.Input;
using LvaeLive.Host.Scene;
using LvaeLive.Host.Talks;
using LvaeLive.Model.Animation;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using LvaeLive.Model.Scene;
using LvaeLive.Model.Training;
using LvaeLive.Model;
using TorchSharp;

namespace LvaeLive.Host.Session;

/// <summary>
/// The model side of a live session: the render thread's inference copy, test digits for reconstructions and
/// interpolations, and either a training session on its own thread (which also builds the latent maps), or, without
/// training, a map built once; and the digit classifier that judges the maps' class changes, when one is cached beside
/// the data. Disposed in reverse order of creation; stopping training saves a checkpoint.
/// </summary>
internal sealed class ModelSide : IDisposable
{
    public const int MapDigits = 5000;
    /// <summary>Weights reach the view this often: fresh enough to watch, rare enough to cost training nothing.</summary>
    public static readonly TimeSpan SnapshotInterval = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan MapInterval = TimeSpan.FromSeconds(5);

    private readonly DigitClassifier? _classifier;
    private readonly LatentMapBuilder _maps;

    private ModelSide(InferenceCopy copy, DigitClassifier? classifier, LatentMapBuilder maps, MnistSplit test, string runFolder, TrainingSession? session,
        LiveTraining? training, LatentMap? fixedMap, IReadOnlyList<MetricsEntry> history)
    {
        var shown = test.Take(MapDigits);
        TestDigits = TestImages.PrepareFloats(shown, copy.Config.Likelihood);
        TestLabels = shown.Labels;
        RunFolder = runFolder;
        _classifier = classifier;
        History = history;
        Copy = copy;
        _maps = maps;
        Session = session;
        Training = training;
        FixedMap = fixedMap;
    }

    public InferenceCopy Copy { get; }
    public float[] TestDigits { get; }
    public byte[] TestLabels { get; }
    /// <summary>The run shown or trained: where its bookmarks are kept.</summary>
    public string RunFolder { get; }
    public TrainingSession? Session { get; }
    public LiveTraining? Training { get; }
    /// <summary>Without training, the one map of the checkpoint's weights.</summary>
    public LatentMap? FixedMap { get; }
    public LvaeConfig Config => Copy.Config;
    /// <summary>The run's curves up to the weights shown, from its metrics log.</summary>
    public IReadOnlyList<MetricsEntry> History { get; }

    /// <summary>
    /// The classifier that `lvae eval` cached beside the data, when there is one made for this training set; null
    /// otherwise (the view then shows pixel changes only: it never trains one). <paramref name="train"/> is asked only
    /// when there is a file to check.
    /// </summary>
    public static DigitClassifier? CachedClassifier(string dataFolder, Func<MnistSplit> train, torch.Device device)
    {
        var path = ClassifierCache.PathIn(dataFolder);
        return File.Exists(path) ? new ClassifierCache(path, train(), _ => { }).TryLoad(device) : null;
    }

    /// <summary>A checkpoint shown without training (lvae live --no-train, lvae record).</summary>
    /// <param name="classifier">Judges the map's class changes; the model side owns it from here.</param>
    public static ModelSide View(string checkpoint, MnistSplit test, torch.Device device, DigitClassifier? classifier = null)
    {
        using var model = CheckpointStore.LoadModel(checkpoint, device);
        var copy = InferenceCopy.Of(model);
        var maps = new LatentMapBuilder(test.Take(MapDigits), model.Config.Likelihood, device, classifier);
        var (info, runFolder) = CheckpointStore.ReadInfo(checkpoint);
        var map = maps.Build(model, info.Progress.GlobalStep, previous: null);
        return new ModelSide(copy, classifier, maps, test, runFolder, null, null, map, MetricsLog.Read(runFolder, info.Progress.GlobalStep));
    }

    /// <summary>Trains while showing: a new run, or a run continued.</summary>
    /// <param name="classifier">Judges the maps' class changes; the model side owns it from here.</param>
    public static ModelSide Train(TrainingSession session, MnistSplit test, DigitClassifier? classifier = null)
    {
        var model = session.Trainer.Model;
        var copy = InferenceCopy.Of(model);
        var maps = new LatentMapBuilder(test.Take(MapDigits), model.Config.Likelihood, session.Trainer.Device, classifier);
        var training = new LiveTraining(session, SnapshotInterval, maps, MapInterval);
        var history = MetricsLog.Read(session.RunFolder, session.Trainer.Progress.GlobalStep);
        return new ModelSide(copy, classifier, maps, test, session.RunFolder, session, training, null, history);
    }

    /// <summary>The view of this model: its scene (latent paths from <paramref name="seed"/>) and its session.</summary>
    /// <param name="talk">A talk to play, stepped by keys or, when <paramref name="automaticTalk"/>, by its hold times; from the start again after its last step when <paramref name="loopTalk"/>.</param>
    /// <param name="bookmarks">The run's bookmarks; by default read from its folder, with notices to <paramref name="stateLog"/>.</param>
    /// <param name="modelName">In a race, the model's name on the HUD, beside its epoch and ELBO.</param>
    public LiveSession OpenSession(long seed, string device, Action<string> stateLog, double? loopSeconds = null, Talk? talk = null,
        bool automaticTalk = false, bool loopTalk = false, BookmarkShelf? bookmarks = null, string? modelName = null)
    {
        var scene = new LiveScene(new LatentScene(Copy, new LatentPaths(Config.LatentSizes, seed, loopSeconds: loopSeconds), TestDigits, TestLabels));
        var shelf = bookmarks ?? new BookmarkShelf(RunFolder, Config.LatentSizes, stateLog);
        var player = talk is null ? null : new TalkPlayer(talk, shelf, automaticTalk, loopTalk);
        return new LiveSession(scene, Training, device, stateLog, FixedMap, History, shelf, player, modelName);
    }

    /// <summary>
    /// The talk in <paramref name="path"/>, checked against a model of <paramref name="sizes"/> shown with the run's
    /// <paramref name="bookmarks"/>: before anything is loaded or opened.
    /// </summary>
    public static Talk LoadTalk(string path, int[] sizes, BookmarkShelf bookmarks) =>
        TalkFile.Load(path, new TalkFile.Limits(sizes.Length, LatentScene.GridTiles, MapDigits, bookmarks.All.Select(b => b.Name).ToArray()));

    public void Dispose()
    {
        Training?.Dispose();
        _maps.Dispose();
        _classifier?.Dispose();
        Session?.Dispose();
        Copy.Dispose();
    }
}
