using LvaeLive.Model;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Training;
using TorchSharp;

namespace LvaeLive.Host.Session;

/// <summary>Where a model of a show comes from: each kind opens as a <see cref="ModelSide"/> in its one way.</summary>
internal abstract record ModelSource
{
    /// <summary>Whether the model trains while it is shown.</summary>
    public bool Trains => this is not Shown;

    /// <summary>The model side, judged by a copy of the data's classifier (if one is cached), which it owns from here.</summary>
    public ModelSide Open(ShowData data, torch.Device device)
    {
        var classifier = data.Classifier(device);
        try
        {
            return Open(data, device, classifier);
        }
        catch
        {
            classifier?.Dispose();
            throw;
        }
    }

    protected abstract ModelSide Open(ShowData data, torch.Device device, DigitClassifier? classifier);

    /// <summary>A checkpoint shown without training.</summary>
    public sealed record Shown(string Checkpoint) : ModelSource
    {
        protected override ModelSide Open(ShowData data, torch.Device device, DigitClassifier? classifier) =>
            ModelSide.View(Checkpoint, data.Test, device, classifier);
    }

    /// <summary>A new run of a shape and recipe, in its own folder.</summary>
    public sealed record NewRun(string Folder, LvaeConfig Config, TrainOptions Options) : ModelSource
    {
        protected override ModelSide Open(ShowData data, torch.Device device, DigitClassifier? classifier) =>
            ModelSide.Train(TrainingSession.Start(Folder, Config, Options, data.Train, data.Evaluation, device), data.Test, classifier);
    }

    /// <summary>A checkpoint's run, continued in its folder; to <paramref name="Epochs"/> in all when given.</summary>
    public sealed record Continued(string Checkpoint, int? Epochs) : ModelSource
    {
        protected override ModelSide Open(ShowData data, torch.Device device, DigitClassifier? classifier) =>
            ModelSide.Train(TrainingSession.Resume(Checkpoint, data.Train, data.Evaluation, device, Epochs), data.Test, classifier);
    }

    /// <summary>
    /// A new run in <paramref name="Folder"/> from a checkpoint's weights (the shipped model's), with a fresh optimizer
    /// at <paramref name="LearningRate"/>, for <paramref name="Epochs"/> more epochs.
    /// </summary>
    public sealed record TrainedOn(string Checkpoint, string Folder, int Epochs, double LearningRate) : ModelSource
    {
        protected override ModelSide Open(ShowData data, torch.Device device, DigitClassifier? classifier) =>
            ModelSide.Train(TrainingSession.StartFrom(Checkpoint, Folder, Epochs, LearningRate, data.Train, data.Evaluation, device), data.Test, classifier);
    }
}
