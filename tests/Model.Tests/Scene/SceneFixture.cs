using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Scene;

namespace LvaeLive.Model.Tests.Scene;

/// <summary>
/// A small untrained LVAE over 100 test digits: what each composer must produce is worked out here independently,
/// by encoding the digits it should take and copying or mixing their noise by hand.
/// </summary>
internal sealed class SceneFixture : IDisposable
{
    public static readonly LvaeConfig Small = new() { LatentSizes = [6, 4, 2], HiddenSizes = [32, 16, 8] };
    public const int Digits = 100;
    private readonly HierarchicalModel _model;

    public SceneFixture()
    {
        _model = ModelFactory.Create(Small, seed: 7);
        Copy = InferenceCopy.Of(_model);
        var test = TestSetup.Test.Take(Digits);
        (Images, Labels) = (test.GreyLevels, test.Labels);
        Context = new SceneContext(Copy, Images, Labels, firstSpareDigit: LatentScene.ReconstructionPairs);
    }

    public InferenceCopy Copy { get; }
    public float[] Images { get; }
    public byte[] Labels { get; }
    public SceneContext Context { get; }
    public int Depth => Small.LatentSizes.Length;

    /// <summary>Test digit <paramref name="index"/> entered top-down as noise.</summary>
    public NoiseGrid Encoded(int index)
    {
        var point = new NoiseGrid(Small.LatentSizes, 1);
        Copy.EncodeToNoise(Images.AsMemory(index * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels), 1, point);
        return point;
    }

    /// <summary>Fills the walk with values that name their tile, layer and unit, so any copy can be traced.</summary>
    public void LabelWalk()
    {
        for (var layer = 0; layer < Depth; layer++)
            for (var tile = 0; tile < SceneContext.GridTiles; tile++)
            {
                var noise = Context.Walk.Of(layer, tile);
                for (var unit = 0; unit < noise.Length; unit++) noise[unit] = 0.01f * tile + 0.1f * layer + 0.001f * unit;
            }
    }

    public void Dispose()
    {
        Copy.Dispose();
        _model.Dispose();
    }
}
