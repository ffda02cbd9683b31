using LvaeLive.Model.Animation;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Scene;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Scene;

/// <summary>
/// The shipped model in a scene as the live view opens it (the same 5,000 test digits, paths of seed 1), and the
/// project's own digit classifier (the one `lvae eval` caches beside the data, trained here once if missing): what a
/// mode's claim is measured with.
/// </summary>
public sealed class ShippedScene : IDisposable
{
    public const int ViewDigits = 5000;
    public static readonly TimeSpan FrameTime = TimeSpan.FromSeconds(1.0 / 30);
    private readonly HierarchicalModel _model;

    public ShippedScene()
    {
        TestSetup.UseOneThread();
        _model = CheckpointStore.LoadModel(Path.Combine(TestSetup.RepositoryFolder, ShippedModel.Folder), CPU);
        Copy = InferenceCopy.Of(_model);
        var test = TestSetup.Test.Take(ViewDigits);
        Labels = test.Labels;
        Images = TestImages.PrepareFloats(test, _model.Config.Likelihood);
        Classifier = new ClassifierCache(ClassifierCache.PathIn(TestSetup.MnistFolder), TestSetup.Train, _ => { }).LoadOrTrain(CPU);
    }

    public InferenceCopy Copy { get; }
    public float[] Images { get; }
    public byte[] Labels { get; }
    public DigitClassifier Classifier { get; }

    /// <summary>A new scene of the shipped model, as the live view opens it.</summary>
    public LatentScene NewScene() => new(Copy, new LatentPaths(Copy.Config.LatentSizes, seed: 1), Images, Labels);

    /// <summary>The classes the classifier sees in each of <paramref name="frames"/> frames of <paramref name="scene"/>, from <paramref name="start"/> on.</summary>
    public List<int[]> Watch(LatentScene scene, int frames, ref TimeSpan now)
    {
        var seen = new List<int[]>();
        for (var i = 0; i < frames; i++, now += FrameTime)
            seen.Add(TileClasses.Of(Classifier, scene.Update(now, FrameTime.TotalSeconds).Digits));
        return seen;
    }

    public void Dispose()
    {
        Classifier.Dispose();
        Copy.Dispose();
        _model.Dispose();
    }
}
