using static TorchSharp.torch;

namespace LvaeLive.Model.Data;

/// <summary>
/// The test images as a model sees them: binarized once with a fixed seed for a Bernoulli likelihood (so every
/// evaluation of every model scores the same bits), grey levels for a Gaussian one.
/// </summary>
public static class TestImages
{
    public const long BinarizationSeed = 20160210;

    public static Tensor Prepare(MnistSplit test, Likelihood likelihood, Device device)
    {
        using var grey = tensor(test.GreyLevels, [test.Count, LvaeConfig.ImagePixels], device: device);
        if (likelihood == Likelihood.Gaussian) return grey.clone();
        using var generator = new Generator(BinarizationSeed, device);
        return grey.bernoulli(generator);
    }

    /// <summary>The same images as <see cref="Prepare"/>, as plain floats (count x 784), for the view.</summary>
    public static float[] PrepareFloats(MnistSplit test, Likelihood likelihood)
    {
        using var images = Prepare(test, likelihood, CPU);
        return images.data<float>().ToArray();
    }
}
