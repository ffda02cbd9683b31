using static TorchSharp.torch;

namespace LvaeLive.Model.Nn;

internal static class SoftplusOf
{
    /// <summary>
    /// softplus(v) = log(1 + e^v) = -log sigmoid(-v), which libtorch computes stably for any v as max(v, 0) +
    /// log(1 + e^-|v|) in one kernel (and one for its gradient), where spelling that out took six. TorchSharp's own
    /// softplus passes its beta and threshold as temporary Scalars (see <see cref="HeldScalar"/>), so it is not used.
    /// </summary>
    public static Tensor Value(Tensor v) => v.neg().log_sigmoid().neg_();
}
