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
}
