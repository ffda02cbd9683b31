using System.Runtime.InteropServices;
using LvaeLive.Model.Hierarchy;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Inference;

/// <summary>
/// The render side's own model: a copy of the training model as eval mode computes it, with every batch norm folded
/// into the dense layer before it, refreshed from weight snapshots, with an API of plain floats so that its callers
/// never touch tensors. Every call runs without gradients inside its own dispose scope and writes into the caller's
/// buffers. Use it from one thread.
/// </summary>
public sealed class InferenceCopy : IDisposable
{
    private readonly HierarchicalModel _model;
    private readonly Device _device;
    private readonly Generator _priorNoise;

    public InferenceCopy(LvaeConfig config, Device device, long seed = 0)
    {
        Config = config;
        _device = device;
        _model = BatchNormFolding.EmptyCopy(config, device);
        _priorNoise = new Generator((ulong)seed, device);
    }

    /// <summary>A copy that starts from a trained model's current weights.</summary>
    public static InferenceCopy Of(HierarchicalModel source, long seed = 0)
    {
        var copy = new InferenceCopy(source.Config, source.Device, seed);
        using var snapshot = new WeightSnapshot(source);
        copy.Load(snapshot);
        return copy;
    }

    public LvaeConfig Config { get; }

    /// <summary>Training steps of the weights in use, from the last snapshot loaded.</summary>
    public long WeightsStep { get; private set; }

    public void Load(WeightSnapshot snapshot)
    {
        if (!snapshot.Config.Equals(Config))
            throw new ArgumentException($"a snapshot of a {snapshot.Config.Describe()} model cannot load into a {Config.Describe()} copy");
        snapshot.ApplyTo(_model);
        WeightsStep = snapshot.Step;
    }

    /// <summary>
    /// Decodes <paramref name="batch"/> images from the top down. Writes E[x | z_1] (batch x 784 floats) into
    /// <paramref name="images"/>, where <paramref name="latents"/> is given every layer's z_i (batch x size), and where
    /// <paramref name="priorScales"/> is given every layer's prior standard deviation sigma_p (batch x size).
    /// </summary>
    public void Decode(ReadOnlySpan<LayerInput> inputs, int batch, Span<float> images, float[][]? latents = null, float[][]? priorScales = null)
    {
        if (inputs.Length != Config.Depth)
            throw new ArgumentException($"{inputs.Length} layer inputs given to a {Config.Depth}-layer model");
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        var given = new LayerLatent[Config.Depth];
        for (var i = 0; i < given.Length; i++) given[i] = ToLatent(inputs[i], batch, Config.LatentSizes[i]);
        var scales = priorScales is null ? null : new Tensor[Config.Depth];
        var (image, z) = _model.Decode(given, batch, _priorNoise, scales);
        CopyOut(image, images);
        for (var i = 0; i < z.Length; i++)
        {
            if (latents is not null) CopyOut(z[i], latents[i]);
            if (scales is not null) CopyOut(scales[i], priorScales![i]);
        }
    }

    /// <summary>Each layer's posterior mean and variance for <paramref name="batch"/> images (784 floats each).</summary>
    public void Encode(ReadOnlyMemory<float> images, int batch, float[][] means, float[][] variances)
    {
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        var posterior = _model.Encode(ToTensor(images, batch, LvaeConfig.ImagePixels));
        for (var i = 0; i < posterior.Length; i++)
        {
            CopyOut(posterior[i].Mean, means[i]);
            CopyOut(posterior[i].Variance, variances[i]);
        }
    }

    /// <summary>
    /// Test digits entered top-down: each layer's standardized noise for the posterior means of <paramref name="batch"/>
    /// images (784 floats each), written into the first <paramref name="batch"/> tiles of <paramref name="points"/>.
    /// Decoding those points gives the posterior-mean reconstructions.
    /// </summary>
    public void EncodeToNoise(ReadOnlyMemory<float> images, int batch, NoiseGrid points)
    {
        if (points.Tiles < batch)
            throw new ArgumentException($"a grid of {points.Tiles} points cannot hold {batch} digits");
        using var _ = inference_mode();
        using var scope = NewDisposeScope();
        var noise = _model.EncodeToNoise(ToTensor(images, batch, LvaeConfig.ImagePixels));
        for (var i = 0; i < noise.Length; i++) CopyOut(noise[i], points.Layer(i));
    }

    private LayerLatent ToLatent(LayerInput input, int batch, int size) =>
        input.From is LayerLatent.Source.PriorMean or LayerLatent.Source.PriorSample
            ? new LayerLatent(input.From, null)
            : new LayerLatent(input.From, ToTensor(input.Values, batch, size));

    private Tensor ToTensor(ReadOnlyMemory<float> values, int batch, int size)
    {
        if (values.Length != batch * size)
            throw new ArgumentException($"a layer of size {size} needs {batch * size} values for {batch} images, not {values.Length}");
        // The tensor only reads the caller's floats during this call, so it may wrap them instead of copying.
        return tensor(MemoryMarshal.AsMemory(values), [batch, size], device: _device);
    }

    /// <summary>Copies a tensor into the start of <paramref name="destination"/> (which may be longer: a grid's first tiles).</summary>
    private static void CopyOut(Tensor source, Span<float> destination)
    {
        using var onCpu = source.cpu().contiguous();
        // The storage's bytes as one span: a block copy, where the element accessor copies float by float.
        MemoryMarshal.Cast<byte, float>(onCpu.bytes).CopyTo(destination);
    }

    public void Dispose()
    {
        _priorNoise.Dispose();
        _model.Dispose();
    }
}
