using LvaeLive.Model.Benchmarks;

namespace LvaeLive.Model.Tests;

public sealed class TrainStepReportTests
{
    // 3 GFLOP a step in 40 ms, of which 20 ms are matrix products and 5 ms batch norm, against mm at 200 GFLOP/s.
    private static readonly TrainStepReport Report = new(256, 0.040, 3e9, 200e9, 0.020, 0.005, 0.001, 64, 2);

    [Fact]
    public void TheStepsShareOfMmIsItsFlopRateOverMms()
    {
        Assert.Equal(0.375, Report.FractionOfMatmul, 1e-12); // 75 GFLOP/s
        Assert.Equal(0.015, Report.OtherSeconds, 1e-12);
    }

    [Fact]
    public void TheCeilingIsTheRateOfTheProductsAlone()
    {
        Assert.Equal(0.75, Report.ProductsOnlyFractionOfMatmul, 1e-12); // 3 GFLOP in 20 ms: 150 of 200 GFLOP/s
    }

    [Fact]
    public void AtHalfOfMmAStepHasTenMillisecondsBesideItsProducts()
    {
        Assert.Equal(0.010, Report.SecondsBesideProductsAt(0.5), 1e-12); // 3 GFLOP at 100 GFLOP/s is 30 ms, 20 of them products
        Assert.Equal(0.020, Report.SecondsBesideProducts, 1e-12); // today: 40 ms, 20 of them products
    }
}
