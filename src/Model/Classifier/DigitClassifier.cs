using LvaeLive.Model.Data;
using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Classifier;

/// <summary>
/// A small MLP, 784-512-256-10 with ReLU, trained on MNIST's grey levels (<see cref="ClassifierTraining"/>), that judges
/// which digit a decoded image shows. It is not the model under study, only a fixed judge: a layer's class change
/// means as much as this classifier's test accuracy, which is reported beside it.
/// </summary>
public sealed class DigitClassifier : nn.Module<Tensor, Tensor>, IDigitClassifier
{
    /// <summary>
    /// The network's and its training recipe's version, stored with its cached weights: raise it whenever either
    /// changes, so that a file made by an older build is trained again rather than loaded into the wrong shape.
    /// </summary>
    public const int Version = 1;
    public const int Classes = 10;
    private const int FirstWidth = 512;
    private const int SecondWidth = 256;
    private const int ImagesPerPass = 1000;

    /// <summary>The network's shape, as reports name it.</summary>
    public static string Architecture => $"{LvaeConfig.ImagePixels}-{FirstWidth}-{SecondWidth}-{Classes} MLP";

    [ComponentName(Name = "first")]
    private readonly Linear _first;
    [ComponentName(Name = "second")]
    private readonly Linear _second;
    [ComponentName(Name = "output")]
    private readonly Linear _output;

    /// <param name="weights">Draws the initial weights (training); null for a classifier whose weights are loaded next.</param>
    public DigitClassifier(Generator? weights = null) : base(nameof(DigitClassifier))
    {
        _first = Layers.HeLinear(LvaeConfig.ImagePixels, FirstWidth, weights);
        _second = Layers.HeLinear(FirstWidth, SecondWidth, weights);
        _output = Layers.HeLinear(SecondWidth, Classes, weights);
        RegisterComponents();
    }

    /// <summary>Where the weights are, kept as <see cref="HierarchicalModel.Device"/> is.</summary>
    public Device Device { get; private set; } = CPU;

    public DigitClassifier MoveTo(Device device)
    {
        this.to(device);
        Device = device;
        return this;
    }

    /// <summary>The class logits (B, 10) of images (B, 784).</summary>
    public override Tensor forward(Tensor images) => _output.call(_second.call(_first.call(images).relu()).relu());

    public Tensor Classify(Tensor images)
    {
        using var _ = no_grad();
        return call(images).argmax(1);
    }

    /// <summary>The fraction of <paramref name="test"/>'s images whose class is the labelled one.</summary>
    public double Accuracy(MnistSplit test)
    {
        using var _ = no_grad();
        long correct = 0;
        for (var start = 0; start < test.Count; start += ImagesPerPass)
        {
            var count = Math.Min(ImagesPerPass, test.Count - start);
            using var scope = NewDisposeScope();
            var images = tensor(test.GreyLevels.AsSpan(start * MnistSplit.PixelsPerImage, count * MnistSplit.PixelsPerImage).ToArray(),
                [count, LvaeConfig.ImagePixels], device: Device);
            var labels = tensor(test.Labels.AsSpan(start, count).ToArray(), device: Device).to(ScalarType.Int64);
            correct += Classify(images).eq(labels).sum().cpu().item<long>();
        }
        return correct / (double)test.Count;
    }
}
