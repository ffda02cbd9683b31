using LvaeLive.Model.Animation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;

namespace LvaeLive.Model.Tests.Scene;

/// <summary>The scene around the composers: entering and leaving modes, held moves, loaded digits, frame by frame.</summary>
public sealed class LatentSceneTests : IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromSeconds(1.0 / 30);
    private readonly SceneFixture _fixture = new();
    private readonly LatentScene _scene;
    private readonly BookmarkShelf _shelf = new(null, SceneFixture.Small.LatentSizes, _ => { });
    private TimeSpan _now;

    public LatentSceneTests()
    {
        _scene = new LatentScene(_fixture.Copy, new LatentPaths(SceneFixture.Small.LatentSizes, seed: 3), _fixture.Images, _fixture.Labels);
    }

    public void Dispose() => _fixture.Dispose();

    private SceneFrame Step(int frames = 1)
    {
        SceneFrame shown = null!;
        for (var i = 0; i < frames; i++, _now += Frame) shown = _scene.Update(_now, Frame.TotalSeconds);
        return shown;
    }

    [Fact]
    public void EachEntryOfAModeShowsNewDigitsExceptBetweenTheTwoInterpolationsAndAgainGoesBackToTheWalk()
    {
        _scene.ToggleMode(GridMode.Interpolation);
        var first = Step().Labels.First;
        _scene.ToggleMode(GridMode.InterpolationAll);
        Assert.Equal(GridMode.InterpolationAll, _scene.Mode);
        Assert.Equal(first, Step().Labels.First);
        _scene.ToggleMode(GridMode.InterpolationAll);
        Assert.Equal(GridMode.Walk, _scene.Mode);
        Assert.Equal("Generated digits", Step().Title);
        _scene.ToggleMode(GridMode.Interpolation);
        Assert.NotEqual(first, Step().Labels.First);
        _scene.ToggleMode(GridMode.StyleSwap);
        var swap = Step();
        // The style swap's heads are the images of the digits its rows and columns come from.
        var columnDigit = swap.Labels.ColumnDigits[3];
        Assert.Equal(_fixture.Images.AsSpan(columnDigit * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels).ToArray(),
            swap.ColumnHeads.Slice(3 * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels).ToArray());
        Assert.Equal(8 * LvaeConfig.ImagePixels, swap.RowHeads.Length);
        _scene.ToggleMode(GridMode.Explorer);
        var shown = Step();
        Assert.True(shown.RowHeads.IsEmpty);
        Assert.Equal(SceneFixture.Small.LatentSizes.Length * LayerExplorer.Columns * LvaeConfig.ImagePixels, shown.Digits.Length);
        Assert.Equal(LayerExplorer.Columns, shown.Columns);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASetPointIsReachedOverItsTransitionAndHeldWithTheLayersItLeavesUnsetStillOrWalkingOn(bool walkUnset)
    {
        _scene.SelectTileAt(10);
        Step();
        var sources = new PointSource?[] { null, new PointSource.Seeded(4), new PointSource.Seeded(4) };
        _scene.MovePoint(sources, _shelf, seconds: 1, Easing.Linear, walkUnset);
        var target = new float[2][];
        for (var layer = 1; layer < 3; layer++)
        {
            target[layer - 1] = new float[SceneFixture.Small.LatentSizes[layer]];
            for (var unit = 0; unit < target[layer - 1].Length; unit++) target[layer - 1][unit] = StableNoise.Gaussian(4, layer, tile: 0, keyPoint: 0, unit);
        }
        Step(16); // halfway: neither where it was nor where it goes
        Assert.NotEqual(target[1], _scene.SelectedPoint()[2]);
        Step(30 * 3);
        var held = _scene.SelectedPoint();
        for (var layer = 1; layer < 3; layer++) Assert.Equal(target[layer - 1], held[layer], (a, b) => Math.Abs(a - b) < 1e-6);
        Step(30);
        var later = _scene.SelectedPoint();
        Assert.Equal(held[1..], later[1..]);
        // The layer it leaves unset stands still with the tile, unless the step lets it walk on.
        Assert.Equal(!walkUnset, held[0].SequenceEqual(later[0]));
        Assert.Equal(10, _scene.HeldTile);
        // Released, the tile walks on in every layer; the other tiles walked all along.
        Assert.True(_scene.ReleaseHold());
        Step(30);
        Assert.NotEqual(later[2], _scene.SelectedPoint()[2]);
        Assert.Null(_scene.HeldTile);
    }

    [Fact]
    public void InTheExplorerTheCentreFollowsAMoveAndKeepsItsEnd()
    {
        _scene.ToggleMode(GridMode.Explorer);
        Step();
        var everyLayer = Enumerable.Repeat<PointSource?>(new PointSource.TestDigit(50), 3).ToArray();
        _scene.MovePoint(everyLayer, _shelf, seconds: 0.5, Easing.Smooth);
        Step(30);
        var digit = _fixture.Encoded(50);
        var centre = _scene.SelectedPoint();
        for (var layer = 0; layer < 3; layer++) Assert.Equal(digit.Of(layer, 0).ToArray(), centre[layer], (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void ALoadedTestDigitIsShownOnTheSelectedTileInTheWalkAndAsTheExplorersCentreAndHeld()
    {
        var digit = _fixture.Encoded(33);
        foreach (var mode in new[] { GridMode.Walk, GridMode.StyleSwap, GridMode.Explorer })
        {
            if (mode != GridMode.Walk) _scene.ToggleMode(mode);
            _scene.SelectTileAt(4);
            Step();
            _scene.LoadTestDigit(33);
            Step();
            var shown = _scene.SelectedPoint();
            for (var layer = 0; layer < 3; layer++) Assert.Equal(digit.Of(layer, 0).ToArray(), shown[layer], (a, b) => Math.Abs(a - b) < 1e-5);
            // It stays there: a walk's tile is held where the digit was loaded.
            Step(30);
            Assert.True(shown.Zip(_scene.SelectedPoint()).All(pair => pair.First.SequenceEqual(pair.Second)), $"{mode}: the point moved on");
        }
    }
}
