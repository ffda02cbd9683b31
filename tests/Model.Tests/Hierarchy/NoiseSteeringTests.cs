using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests.Hierarchy;

/// <summary>Dragging a marker on the map: the move in noise space must put the decoded latent where the pointer is.</summary>
public sealed class NoiseSteeringTests
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [6, 4, 2], HiddenSizes = [32, 16, 8] };

    [Theory]
    [InlineData(0, 1.5f, -0.75f)]
    [InlineData(1, -2f, 3f)]
    [InlineData(2, 0.25f, 0.5f)]
    public void AMarkerDraggedOnTheMapIsDecodedUnderThePointer(int layer, float x, float y)
    {
        using var model = ModelFactory.Create(Small, seed: 5);
        using var copy = InferenceCopy.Of(model);
        var point = new NoiseGrid(Small.LatentSizes, 1);
        var random = new Random(9);
        for (var l = 0; l < Small.Depth; l++)
            for (var d = 0; d < Small.LatentSizes[l]; d++) point.Of(l, 0)[d] = (float)(random.NextDouble() * 2 - 1);
        var map = RandomMap(Small.LatentSizes[layer], random);

        var (latent, scale) = Decode(copy, point);
        NoiseSteering.MoveOnMapTo(map, latent[layer], x, y, scale[layer], point.Of(layer, 0));
        var (moved, _) = Decode(copy, point);

        // The map position by its definition, computed here rather than by LayerMap.Project: (z - mean) . axis.
        float Coordinate(int axis) => moved[layer].Select((z, d) => (z - map.Mean[d]) * map.Axes[axis * map.Size + d]).Sum();
        Assert.Equal(x, Coordinate(0), 3);
        Assert.Equal(y, Coordinate(1), 3);
        // The layers above keep their values: only the dragged layer and those below it follow.
        for (var above = layer + 1; above < Small.Depth; above++) Assert.Equal(latent[above], moved[above]);
    }

    private static (float[][] Latents, float[][] Scales) Decode(InferenceCopy copy, NoiseGrid point)
    {
        var latents = Small.LatentSizes.Select(size => new float[size]).ToArray();
        var scales = Small.LatentSizes.Select(size => new float[size]).ToArray();
        copy.Decode(point.Inputs, 1, new float[LvaeConfig.ImagePixels], latents, scales);
        return (latents, scales);
    }

    /// <summary>A map of one layer with a random mean and two random orthonormal axes (Gram-Schmidt), as PCA gives.</summary>
    private static LayerMap RandomMap(int size, Random random)
    {
        float[] Draw() => Enumerable.Range(0, size).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] Unit(float[] v) => v.Select(a => a / MathF.Sqrt(v.Sum(b => b * b))).ToArray();
        var first = Unit(Draw());
        var second = Draw();
        var along = second.Zip(first, (a, b) => a * b).Sum();
        second = Unit(second.Zip(first, (a, b) => a - along * b).ToArray());
        return new LayerMap([], Draw(), [.. first, .. second], [1, 1], size);
    }
}
