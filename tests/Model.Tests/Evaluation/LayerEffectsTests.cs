using LvaeLive.Model.Classifier;
using LvaeLive.Model.Evaluation;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class LayerEffectsTests
{
    [Fact]
    public void ALayerThatTheLayerBelowIgnoresChangesNothingAndTheOthersChangeBoth()
    {
        using var model = ModelFactory.Create(new LvaeConfig { LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] }, seed: 5);
        // p(z_2 | z_3) no longer depends on z_3: the first dense layer of its MLP sees z_3 through zero weights.
        using (no_grad()) Parameter(model, "generative.priorStacks.1.first.dense.weight").zero_();
        model.train();

        var effects = new LayerEffects(500).Measure(model, new ArgmaxOfTheFirstPixels());

        Assert.Equal(new LayerEffect(0, 0), effects[2]);
        Assert.All(effects[..2], effect =>
        {
            Assert.True(effect.PixelChange > 0, $"{effect}");
            Assert.True(effect.ClassChange > 0, $"{effect}");
        });
        Assert.True(model.training, "the model was left in eval mode");
    }

    [Fact]
    public void WithoutAClassifierOnlyThePixelChangeIsMeasured()
    {
        using var model = ModelFactory.Create(new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, seed: 6);
        Assert.All(new LayerEffects(LayerEffects.LiveDraws).Measure(model), effect =>
        {
            Assert.Null(effect.ClassChange);
            Assert.True(effect.PixelChange > 0);
        });
    }

    [Fact]
    public void TheSameWeightsGiveTheSameFigures()
    {
        using var model = ModelFactory.Create(new LvaeConfig { LatentSizes = [4, 2], HiddenSizes = [16, 8] }, seed: 7);
        var effects = new LayerEffects(1500);
        Assert.Equal(effects.Measure(model, new ArgmaxOfTheFirstPixels()), effects.Measure(model, new ArgmaxOfTheFirstPixels()));
    }

    /// <summary>
    /// One layer of one unit whose decoder is wired by hand so that E[x | z_1] = sigmoid(z_1) in every pixel. Redrawing
    /// eps_1 = z_1 then changes each pixel by |sigmoid(z') - sigmoid(z)| with z, z' independent standard normals, whose
    /// mean is computed here by quadrature; the class "first pixel above one half", i.e. z &gt; 0, changes when the
    /// signs differ: half the time.
    /// </summary>
    [Fact]
    public void PixelAndClassChangeMatchAHandComputation()
    {
        using var model = ModelFactory.Create(new LvaeConfig { LatentSizes = [1], HiddenSizes = [1], BatchNorm = false }, seed: 1);
        using (no_grad())
        {
            // Both dense blocks pass z + 10, which stays above zero (where the leaky ReLU is the identity) for any
            // z above -10; the output layer takes the 10 away again.
            Parameter(model, "generative.observationStack.first.dense.weight").fill_(1);
            Parameter(model, "generative.observationStack.first.dense.bias").fill_(10);
            Parameter(model, "generative.observationStack.second.dense.weight").fill_(1);
            Parameter(model, "generative.observationStack.second.dense.bias").fill_(0);
            Parameter(model, "generative.observationMean.weight").fill_(1);
            Parameter(model, "generative.observationMean.bias").fill_(-10);
        }

        var effect = Assert.Single(new LayerEffects(20_000).Measure(model, new FirstPixelAboveHalf()));

        Assert.Equal(ExpectedSigmoidChange(), effect.PixelChange, tolerance: 0.02 * ExpectedSigmoidChange());
        Assert.Equal(0.5, effect.ClassChange!.Value, tolerance: 0.015);
    }

    /// <summary>E|sigmoid(z') - sigmoid(z)| for independent standard normals, on a grid over [-8, 8] squared.</summary>
    private static double ExpectedSigmoidChange()
    {
        const int points = 1601;
        const double step = 16.0 / (points - 1);
        var z = Enumerable.Range(0, points).Select(i => -8 + i * step).ToArray();
        var weight = z.Select(v => Math.Exp(-v * v / 2) / Math.Sqrt(2 * Math.PI) * step).ToArray();
        var sigmoid = z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
        double sum = 0;
        for (var i = 0; i < points; i++)
            for (var j = 0; j < points; j++)
                sum += weight[i] * weight[j] * Math.Abs(sigmoid[i] - sigmoid[j]);
        return sum;
    }

    private static TorchSharp.Modules.Parameter Parameter(HierarchicalModel model, string name) =>
        model.named_parameters().Single(p => p.name == name).parameter;

    /// <summary>The class is whichever of the first ten pixels is brightest: it changes whenever they reorder.</summary>
    private sealed class ArgmaxOfTheFirstPixels : IDigitClassifier
    {
        public Tensor Classify(Tensor images) => images.narrow(1, 0, 10).argmax(1);
    }

    private sealed class FirstPixelAboveHalf : IDigitClassifier
    {
        public Tensor Classify(Tensor images) => images.select(1, 0).gt(0.5).to(ScalarType.Int64);
    }
}
