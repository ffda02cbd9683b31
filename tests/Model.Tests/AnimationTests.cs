using LvaeLive.Model.Animation;

namespace LvaeLive.Model.Tests;

public sealed class AnimationTests
{
    private static readonly int[] Sizes = [64, 32, 16, 8, 4];

    private static float[] At(LatentPaths paths, int layer, double seconds, int tiles = 3)
    {
        var noise = new float[tiles * Sizes[layer]];
        paths.Sample(layer, seconds, tiles, noise);
        return noise;
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());

    [Fact]
    public void AFrameDependsOnlyOnItsTimeNotOnTheFramesBefore()
    {
        var paths = new LatentPaths(Sizes, seed: 42);
        var direct = At(paths, 2, 7.3);
        for (var t = 0.0; t < 7.3; t += 1 / 60.0) At(paths, 2, t);
        Assert.Equal(direct, At(new LatentPaths(Sizes, seed: 42), 2, 7.3));
        Assert.Equal(direct, At(paths, 2, 7.3));
        Assert.NotEqual(direct, At(new LatentPaths(Sizes, seed: 43), 2, 7.3));
    }

    [Fact]
    public void PathsAreContinuousAcrossKeyPoints()
    {
        var paths = new LatentPaths(Sizes, seed: 1, bottomSegmentSeconds: 1);
        // Steps of 1 ms across the bottom layer's key point at t = 1 s move the noise by very little.
        for (var t = 0.99; t < 1.01; t += 0.001)
            Assert.True(Distance(At(paths, 0, t), At(paths, 0, t + 0.001)) < 0.05);
        Assert.True(Distance(At(paths, 0, 0.2), At(paths, 0, 0.8)) > 1, "the path should move between key points");
    }

    [Fact]
    public void GreatCircleKeepsTheNormOfGaussianPoints()
    {
        var paths = new LatentPaths(Sizes, seed: 5, bottomSegmentSeconds: 1);
        for (var t = 0.0; t < 3; t += 0.05)
        {
            var norm = Math.Sqrt(At(paths, 0, t, tiles: 1).Sum(v => (double)v * v));
            Assert.InRange(norm, 5.0, 11.0); // sqrt(64) = 8; a straight line between two keys would dip towards 5.7
        }
    }

    [Fact]
    public void TopLayersMoveSlowerThanBottomLayers()
    {
        var paths = new LatentPaths(Sizes, seed: 9);
        double Speed(int layer) => Distance(At(paths, layer, 1.0), At(paths, layer, 1.1)) / Math.Sqrt(Sizes[layer]);
        Assert.True(Speed(4) < Speed(0), $"top {Speed(4)} vs bottom {Speed(0)}");
    }

    [Fact]
    public void LoopedPathsRepeatWithTheLoopLength()
    {
        var paths = new LatentPaths(Sizes, seed: 3, loopSeconds: 10);
        for (var layer = 0; layer < Sizes.Length; layer++)
            foreach (var t in new[] { 0.0, 2.7, 9.99 })
                Assert.True(Distance(At(paths, layer, t), At(paths, layer, t + 10)) < 1e-3, $"layer {layer} at {t}");
    }

    [Fact]
    public void StableNoiseIsStandardNormal()
    {
        var values = Enumerable.Range(0, 20000).Select(i => (double)StableNoise.Gaussian(11, 0, 0, i / 100, i % 100)).ToArray();
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
        Assert.InRange(values.Count(v => Math.Abs(v) < 1) / (double)values.Length, 0.67, 0.70);
    }

    [Fact]
    public void ClockFreezesLayersPausesAndClampsSpeed()
    {
        var clock = new AnimationClock(3);
        clock.ToggleFrozen(1);
        clock.Advance(0.5);
        Assert.Equal(0.5, clock.LayerSeconds(0));
        Assert.Equal(0, clock.LayerSeconds(1));
        clock.Paused = true;
        clock.Advance(1);
        Assert.Equal(0.5, clock.LayerSeconds(2));
        clock.Paused = false;
        for (var i = 0; i < 10; i++) clock.ChangeSpeed(faster: true);
        Assert.Equal(AnimationSettings.Speed.Max, clock.Speed);
        clock.Advance(0.25);
        Assert.Equal(0.5 + 0.25 * AnimationSettings.Speed.Max, clock.LayerSeconds(0));
    }
}
