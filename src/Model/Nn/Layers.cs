using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

/// <summary>
/// Dense layers whose initial weights come from a generator the caller owns, never from libtorch's global one: a run's
/// seed then gives the same model in any process, whatever else drew random numbers there. TorchSharp's own ways do
/// not: nn.Linear(inputs, outputs) draws its weights from the global generator, and in 0.107 nn.init.normal_ and
/// uniform_ take a generator but do not pass it on, while nn.init.xavier_normal_ fills a uniform distribution. So the
/// layers here are built from their parameters (nn.Linear(weight, bias)), drawn with randn, which uses the generator
/// it is given. With a null generator the weights are zeros: a layer whose weights are loaded next.
/// </summary>
internal static class Layers
{
    /// <summary>A dense layer initialised as the reference code does: Glorot-normal weights (variance 2 / (inputs + outputs)), zero bias.</summary>
    public static Linear GlorotLinear(long inputs, long outputs, Generator? weights) =>
        Dense(inputs, outputs, Math.Sqrt(2.0 / (inputs + outputs)), weights);

    /// <summary>A dense layer before a ReLU, initialised as He et al. do: normal weights of variance 2 / inputs, zero bias.</summary>
    public static Linear HeLinear(long inputs, long outputs, Generator? weights) =>
        Dense(inputs, outputs, Math.Sqrt(2.0 / inputs), weights);

    private static Linear Dense(long inputs, long outputs, double deviation, Generator? weights)
    {
        using var _ = no_grad();
        using var scale = new HeldScalar(deviation);
        // (out, in), as nn.Linear holds it. Drawn as the classifier's weights always were, so its cache stays valid.
        var weight = weights is null ? zeros(outputs, inputs) : randn([outputs, inputs], generator: weights).mul_(scale.Value);
        return nn.Linear(nn.Parameter(weight), nn.Parameter(zeros(outputs)));
    }
}
