using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Interop;

/// <summary>
/// LvaeLive against real PyTorch (python/lvaelive, under Debian's PyTorch 1.13): the same weights, images and noise
/// give the same per-image ELBO on both sides, and weights go C# -> safetensors -> PyTorch -> safetensors -> C# bit
/// for bit. Tiny models: the whole class runs in seconds.
/// </summary>
public sealed class PyTorchInteropTests : IDisposable
{
    private const int Images = 16;
    private const ulong NoiseSeed = 7;
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-pytorch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<ModelKind, bool, Likelihood, bool> Shapes => new()
    {
        { ModelKind.Lvae, true, Likelihood.Bernoulli, false },
        { ModelKind.Lvae, false, Likelihood.Bernoulli, false },
        { ModelKind.Vae, true, Likelihood.Bernoulli, false },
        { ModelKind.Vae, false, Likelihood.Bernoulli, false },
        { ModelKind.Lvae, true, Likelihood.Gaussian, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheSameWeightsImagesAndNoiseGiveTheSameElboPerImageInPyTorch(ModelKind kind, bool batchNorm, Likelihood likelihood, bool separateTopDown)
    {
        var config = new LvaeConfig { Kind = kind, LatentSizes = [6, 4, 2], HiddenSizes = [32, 16, 8], BatchNorm = batchNorm, Likelihood = likelihood, SeparateTopDown = separateTopDown };
        using var model = ModelWithLearnedStatistics(config);
        var exported = Export(model, "model");
        using var x = TestImages.Prepare(TestSetup.Test.Take(Images), likelihood, CPU);

        // LvaeLive's own numbers: its forward pass, drawing from a seeded generator.
        float[] elbo, logWeight;
        using (no_grad())
        using (var noise = new Generator(NoiseSeed))
        {
            var pass = model.Infer(x, noise);
            elbo = pass.Elbo().data<float>().ToArray();
            logWeight = pass.LogImportanceWeight().data<float>().ToArray();
        }
        // The same draws, made again from the same seed in the order the model asks for them (the LVAE top-down, the
        // VAE bottom-up), for PyTorch to use as they are.
        using var replay = new Generator(NoiseSeed);
        var layers = kind == ModelKind.Lvae ? Enumerable.Range(0, config.Depth).Reverse() : Enumerable.Range(0, config.Depth);
        var given = new Dictionary<string, Tensor> { ["x"] = x };
        foreach (var (layer, draw) in layers.Select((layer, draw) => (layer, draw)))
            given[$"noise_{draw}"] = randn([Images, config.LatentSizes[layer]], generator: replay);
        var probe = Path.Combine(_folder, "probe.safetensors");
        new TensorBag(given).save_safetensors(probe);

        var scored = Path.Combine(_folder, "scored.safetensors");
        PyTorchPackage.Run(TestSetup.RepositoryFolder, "evaluate", "--checkpoint", exported, "--probe", probe, "--out", scored).Succeeded();
        var fromPyTorch = new TensorBag(new() { ["elbo"] = zeros(Images), ["log_weight"] = zeros(Images) });
        fromPyTorch.load_safetensors(scored);

        var pyElbo = fromPyTorch.Get("elbo").data<float>().ToArray();
        var pyLogWeight = fromPyTorch.Get("log_weight").data<float>().ToArray();
        for (var i = 0; i < Images; i++)
        {
            Assert.True(Math.Abs(elbo[i] - pyElbo[i]) <= 1e-4, $"image {i}: ELBO {elbo[i]} here, {pyElbo[i]} in PyTorch");
            Assert.True(Math.Abs(logWeight[i] - pyLogWeight[i]) <= 1e-4, $"image {i}: log-weight {logWeight[i]} here, {pyLogWeight[i]} in PyTorch");
        }
        // Not a vacuous agreement: the images differ, and so do their bounds.
        Assert.True(elbo.Max() - elbo.Min() > 1, $"ELBOs {string.Join(", ", elbo)}");
    }

    [Fact]
    public void WeightsGoThroughPyTorchAndBackBitForBit()
    {
        var config = new LvaeConfig { LatentSizes = [6, 4, 2], HiddenSizes = [32, 16, 8] };
        using var model = ModelWithLearnedStatistics(config);
        var exported = Export(model, "from-csharp");
        var back = Path.Combine(_folder, "from-pytorch");

        PyTorchPackage.Run(TestSetup.RepositoryFolder, "checkpoint", exported, back).Succeeded();
        using var loaded = CheckpointStore.LoadModel(back, CPU);

        var original = model.state_dict();
        var returned = loaded.state_dict();
        Assert.Equal(original.Keys.Order(), returned.Keys.Order());
        foreach (var (name, tensor) in original)
        {
            Assert.Equal(tensor.dtype, returned[name].dtype);
            Assert.Equal(tensor.shape, returned[name].shape);
            Assert.True(tensor.bytes.SequenceEqual(returned[name].bytes), $"{name} changed on its way through PyTorch");
        }
        // PyTorch wrote the file itself (its own header), not a copy of ours.
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(exported, CheckpointStore.SafetensorsWeightsFile)),
            File.ReadAllBytes(Path.Combine(back, CheckpointStore.SafetensorsWeightsFile)));
    }

    /// <summary>
    /// A model whose batch-norm statistics and affine maps are not their initial ones (so that a name mix-up between
    /// two of them shows): three forward passes in training mode on test images, then small random scales and shifts.
    /// </summary>
    internal static HierarchicalModel ModelWithLearnedStatistics(LvaeConfig config)
    {
        var model = ModelFactory.Create(config, seed: 3);
        using var generator = new Generator(5);
        using (no_grad())
        {
            model.train();
            using var images = TestImages.Prepare(TestSetup.Test.Take(64), config.Likelihood, CPU);
            for (var i = 0; i < 3; i++) model.Infer(images, generator);
            foreach (var (name, tensor) in model.state_dict())
            {
                if (name.EndsWith("orm.weight")) tensor.copy_(randn(tensor.shape, generator: generator).mul_(0.1).add_(1));
                if (name.EndsWith("orm.bias")) tensor.copy_(randn(tensor.shape, generator: generator).mul_(0.1));
            }
        }
        model.eval();
        return model;
    }

    private string Export(HierarchicalModel model, string name)
    {
        var folder = Path.Combine(_folder, name);
        CheckpointStore.WriteExport(model, new CheckpointInfo
        {
            Model = model.Config,
            Training = new TrainOptions(),
            Progress = new TrainingProgress { LearningRate = 1e-3 },
            WeightsFile = "",
            WeightsSha256 = "",
        }, folder, WeightsFormat.Safetensors);
        return folder;
    }

    /// <summary>Named tensors as a module's buffers, so that PyBridge reads and writes them as a state dict.</summary>
    private sealed class TensorBag : nn.Module
    {
        public TensorBag(Dictionary<string, Tensor> tensors) : base(nameof(TensorBag))
        {
            foreach (var (name, tensor) in tensors) register_buffer(name, tensor);
        }

        public Tensor Get(string name) => get_buffer(name)!;
    }
}
