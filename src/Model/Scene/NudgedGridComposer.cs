using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// A grid of 8 x 8 points, each its base noise plus the user's nudge of that tile: the walk (base: the paths) and the
/// grids of test digits (base: the composed digits). Steering the selected tile moves its nudge.
/// </summary>
internal abstract class NudgedGridComposer : IGridComposer
{
    protected NudgedGridComposer(SceneContext scene)
    {
        Scene = scene;
        Nudges = new NoiseGrid(scene.Sizes, SceneContext.GridTiles);
        Points = new NoiseGrid(scene.Sizes, SceneContext.GridTiles);
    }

    protected SceneContext Scene { get; }
    protected NoiseGrid Nudges { get; }
    /// <summary>Base plus nudges, as last composed.</summary>
    protected NoiseGrid Points { get; }
    /// <summary>The noise before nudges, ready once <see cref="PrepareBase"/> ran.</summary>
    protected abstract NoiseGrid Base { get; }

    public abstract GridMode Mode { get; }
    public abstract bool DrawsWalk { get; }
    public abstract bool SelectedWalks { get; }
    public abstract string Title { get; }
    public abstract GridLabels Labels { get; }
    public int Columns => SceneContext.GridColumns;
    public int Highlight => Scene.SelectedTile;
    public (NoiseGrid Grid, int Tile) MoveOrigin => (Scene.Walk, Scene.SelectedTile);

    public int? LayerOfTile(int tile) => null;

    public abstract void Enter();

    public void TileSelected() { }

    public NoiseGrid Compose()
    {
        PrepareBase();
        Points.SetSum(Base, Nudges);
        return Points;
    }

    /// <summary>Makes <see cref="Base"/> what this frame shows before nudges.</summary>
    protected abstract void PrepareBase();

    public ReadOnlyMemory<float> SelectedImage => Scene.Digits.AsMemory(Scene.SelectedTile * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels);
    public Span<float> Steered(int layer) => Nudges.Of(layer, Scene.SelectedTile);
    public ReadOnlySpan<float> SelectedNoise(int layer) => Points.Of(layer, Scene.SelectedTile);
    public ReadOnlySpan<float> SelectedLatent(int layer) => Scene.LatentOf(layer, Scene.SelectedTile);
    public ReadOnlySpan<float> SelectedScale(int layer) => Scene.ScaleOf(layer, Scene.SelectedTile);

    /// <summary>The tile's nudge becomes the difference from its base, so the tile shows the noise and moves on from it with its base.</summary>
    public void SetSelected(int layer, ReadOnlySpan<float> noise)
    {
        var from = Base.Of(layer, Scene.SelectedTile);
        var nudge = Nudges.Of(layer, Scene.SelectedTile);
        for (var i = 0; i < nudge.Length; i++) nudge[i] = noise[i] - from[i];
    }

    public void FollowMove(PointMove move, TimeSpan now, bool startsNow) { }
}
