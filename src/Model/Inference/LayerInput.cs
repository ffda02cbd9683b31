namespace LvaeLive.Model.Inference;

/// <summary>
/// What one layer is given when the live view decodes, as plain floats (batch x layer size, row-major): its value
/// z_i, or standard-normal noise eps_i that becomes z_i = mu_p + sigma_p eps_i under the prior given the layer above
/// (so a smooth path of noise gives a smooth path of digits whatever the layers above do), or nothing: then the layer
/// is drawn from its prior, or set to the prior's mean.
/// </summary>
public readonly record struct LayerInput(LayerLatent.Source From, ReadOnlyMemory<float> Values)
{
    public static LayerInput PriorMean => new(LayerLatent.Source.PriorMean, default);
    public static LayerInput PriorSample => new(LayerLatent.Source.PriorSample, default);
    public static LayerInput Value(ReadOnlyMemory<float> z) => new(LayerLatent.Source.Value, z);
    public static LayerInput Noise(ReadOnlyMemory<float> eps) => new(LayerLatent.Source.Noise, eps);
}
