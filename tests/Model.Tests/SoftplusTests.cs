using LvaeLive.Model.Nn;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class SoftplusTests
{
    [Fact]
    public void MatchesTheSpelledOutStableFormAndItsGradientIsTheSigmoid()
    {
        // From far below zero, where softplus is e^v, to far above, where it is v: both tails overflow a naive log(1 + e^v).
        var v = linspace(-100, 100, 2001).requires_grad_(true);
        var softplus = SoftplusOf.Value(v);
        using var _ = no_grad();
        var spelledOut = v.relu() + v.abs().neg().exp().log1p();
        Assert.True(softplus.allclose(spelledOut, rtol: 1e-6, atol: 1e-37), "softplus differs from max(v, 0) + log(1 + e^-|v|)");
        using (enable_grad()) softplus.sum().backward();
        Assert.True(v.grad!.allclose(v.sigmoid(), rtol: 1e-6, atol: 1e-37), "softplus' gradient differs from the sigmoid");
    }
}
