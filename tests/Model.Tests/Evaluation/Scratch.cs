using LvaeLive.Model.Evaluation;
namespace LvaeLive.Model.Tests.Evaluation;
public sealed class Scratch
{
    [Fact]
    public void Dump()
    {
        File.WriteAllBytes("/tmp/fig-au.png", Figures.ActiveUnits("Active units per layer", [64, 32, 16, 8, 4], [new("VAE", [20, 3, 1, 0, 0]), new("LVAE", [40, 12, 6, 3, 2])]));
        var r = new Random(1);
        File.WriteAllBytes("/tmp/fig-pca.png", Figures.PcaCurves("PCA of z1 posterior means", [new("VAE", Enumerable.Range(0, 64).Select(i => Math.Exp(-i * 0.5)).ToArray()), new("LVAE", Enumerable.Range(0, 64).Select(i => Math.Exp(-i * 0.2)).ToArray())]));
        File.WriteAllBytes("/tmp/fig-digits.png", DigitGrid.Png(Enumerable.Range(0, 784 * 20).Select(i => (float)r.NextDouble()).ToArray(), 10, pairs: true));
    }
}
