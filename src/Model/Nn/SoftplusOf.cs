using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

internal static class SoftplusOf
{
    /// <summary>
    /// softplus(v) = log(1 + e^v), as max(v, 0) + log(1 + e^-|v|): stable for any v. TorchSharp's own softplus
    /// passes its beta and threshold as temporary Scalars (see <see cref="HeldScalar"/>), so it is not used.
    /// </summary>
    public static Tensor Value(Tensor v) => v.relu().add(v.abs().neg().exp().log1p(), HeldScalar.One);
}
