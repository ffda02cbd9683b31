using static TorchSharp.torch;

namespace LvaeLive.Model.Evaluation;

/// <summary>The digits of a report: draws from the prior, and test digits beside their reconstructions.</summary>
public static class SampleImages
{
    public const long PriorSeed = 17;

    /// <summary>E[x | z_1] for <paramref name="count"/> draws of z from the prior, top layer down (count x 784 grey levels).</summary>
    public static float[] FromPrior(HierarchicalModel model, int count)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var device = model.Device;
        using var noise = new Generator((ulong)PriorSeed, device);
        var latents = Enumerable.Repeat(LayerLatent.PriorSample, model.Config.Depth).ToArray();
        var (image, _) = model.Decode(latents, count, noise);
        return image.cpu().data<float>().ToArray();
    }

    /// <summary>
    /// The first <paramref name="count"/> test digits, each followed by its reconstruction E[x | z_1] at z_1's posterior
    /// mean: 2 x count x 784 grey levels, in (original, reconstruction) pairs.
    /// </summary>
    public static float[] WithReconstructions(HierarchicalModel model, Tensor images, int count)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var x = images.narrow(0, 0, Math.Min(count, images.shape[0]));
        var reconstruction = model.Generative.ExpectedImage(model.Encode(x)[0].Mean);
        return stack([x, reconstruction], 1).reshape(-1).cpu().data<float>().ToArray();
    }
}
