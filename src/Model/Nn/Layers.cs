using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

internal static class Layers
{
    /// <summary>A dense layer initialised as the reference code does: Glorot-normal weights, zero bias.</summary>
    public static Linear GlorotLinear(long inputs, long outputs)
    {
        var linear = nn.Linear(inputs, outputs);
        using (no_grad())
        {
            nn.init.xavier_normal_(linear.weight);
            nn.init.zeros_(linear.bias);
        }
        return linear;
    }

    /// <summary>
    /// A dense layer before a ReLU, initialised as He et al. do: normal weights of variance 2 / inputs, zero bias. The
    /// weights come from <paramref name="weights"/> when given, so that a seed fixes them without touching libtorch's
    /// global generator; a layer whose weights are loaded next passes null and keeps TorchSharp's own initialisation.
    /// </summary>
    public static Linear HeLinear(long inputs, long outputs, Generator? weights)
    {
        var linear = nn.Linear(inputs, outputs);
        if (weights is null) return linear;
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        using var deviation = new HeldScalar(Math.Sqrt(2.0 / inputs));
        linear.weight!.copy_(randn([outputs, inputs], generator: weights).mul(deviation.Value));
        linear.bias!.zero_();
        return linear;
    }
}
