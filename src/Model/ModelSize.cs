namespace LvaeLive.Model;

/// <summary>
/// A model's size counted from its configuration, before any tensor exists: libtorch aborts the process when an
/// allocation fails, so a shape too large for this machine must be refused before the model is built.
/// </summary>
public static class ModelSize
{
    /// <summary>Copies of every parameter that training holds: the weights, their gradients and Adam's two moments.</summary>
    public const int TrainingCopies = 4;
    private const double BytesPerGib = 1L << 30;

    /// <summary>
    /// The number of parameters (as <c>parameters().Sum(numel)</c> counts them) of the model <paramref name="config"/>
    /// builds, in a double: sizes up to int.MaxValue would overflow a long.
    /// </summary>
    public static double Parameters(LvaeConfig config)
    {
        var (latent, hidden, norm) = (config.LatentSizes, config.HiddenSizes, config.BatchNorm);
        // These mirror the modules of Nn: a dense block is Linear + BatchNorm1d (weight, bias), a stack two blocks, a
        // Gaussian head two linear maps (mean, variance), each normalised like a block.
        double Linear(double inputs, double outputs) => inputs * outputs + outputs;
        double Block(double inputs, double width) => Linear(inputs, width) + (norm ? 2 * width : 0);
        double Stack(double inputs, double width) => Block(inputs, width) + Block(width, width);
        double Head(double inputs, double outputs) => 2 * Block(inputs, outputs);
        // A Gaussian on layer i given z_{i+1}: the generative prior, and the LVAE's separate top-down path.
        double TopDown(int i) => Stack(latent[i + 1], hidden[i]) + Head(hidden[i], latent[i]);

        double count = 0;
        for (var i = 0; i < config.Depth - 1; i++)
            count += TopDown(i) * (config.SeparateTopDown ? 2 : 1);
        count += Stack(latent[0], hidden[0]) + Linear(hidden[0], LvaeConfig.ImagePixels) * (config.Likelihood == Likelihood.Gaussian ? 2 : 1);
        // Inference: the LVAE's bottom-up MLPs each take the hidden width below, the VAE's encoders the latent below.
        double below = LvaeConfig.ImagePixels;
        for (var i = 0; i < config.Depth; i++)
        {
            count += Stack(below, hidden[i]) + Head(hidden[i], latent[i]);
            below = config.Kind == ModelKind.Lvae ? hidden[i] : latent[i];
        }
        return count;
    }

    /// <summary>Bytes that training the model holds for its parameters alone.</summary>
    public static double TrainingBytes(LvaeConfig config) => Parameters(config) * sizeof(float) * TrainingCopies;

    /// <summary>Refuses a configuration whose model could not be trained in the memory this process may use.</summary>
    internal static void RequireTrainable(LvaeConfig config, SettingNames names)
    {
        var needed = TrainingBytes(config);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed <= available) return;
        throw new ArgumentException(
            $"{names[nameof(LvaeConfig.LatentSizes)]} {SettingNames.Show(config.LatentSizes)} and {names[nameof(LvaeConfig.HiddenSizes)]} {SettingNames.Show(config.HiddenSizes)} " +
            $"make a model of {Parameters(config):G3} parameters, which needs {needed / BytesPerGib:N1} GiB to train (weights, gradients and Adam's two moments, " +
            $"{sizeof(float)} bytes each), more than the {available / BytesPerGib:F1} GiB of this machine; give smaller sizes");
    }
}
