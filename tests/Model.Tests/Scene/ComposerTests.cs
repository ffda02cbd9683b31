using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Live;
using LvaeLive.Model.Scene;

namespace LvaeLive.Model.Tests.Scene;

/// <summary>Each grid mode's composer against points worked out by hand from the digits and walk it must take.</summary>
public sealed class ComposerTests : IDisposable
{
    private const float Tolerance = 1e-5f;
    private readonly SceneFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static void Equal(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) < Tolerance, $"unit {i}: {actual[i]} where {expected[i]} was due");
    }

    [Fact]
    public void TheWalkIsThePathsPlusEachTilesNudgeAndSteeringMovesOnlyTheSelectedTile()
    {
        _fixture.LabelWalk();
        var walk = new WalkComposer(_fixture.Context);
        _fixture.Context.SelectedTile = 9;
        walk.Steered(1)[2] += 0.5f;
        var points = walk.Compose();
        for (var tile = 0; tile < SceneContext.GridTiles; tile++)
            for (var layer = 0; layer < _fixture.Depth; layer++)
            {
                var expected = _fixture.Context.Walk.Of(layer, tile).ToArray();
                if (tile == 9 && layer == 1) expected[2] += 0.5f;
                Equal(expected, points.Of(layer, tile));
            }
        Assert.Equal(9, walk.Highlight);
        Assert.Equal("Generated digits", walk.Title);

        // A point set on the selected tile is shown there, and the tile walks on from it with its paths.
        var digit = _fixture.Encoded(40);
        for (var layer = 0; layer < _fixture.Depth; layer++) walk.SetSelected(layer, digit.Of(layer, 0));
        points = walk.Compose();
        for (var layer = 0; layer < _fixture.Depth; layer++) Equal(digit.Of(layer, 0), points.Of(layer, 9));
        _fixture.Context.Walk.Of(2, 9)[0] += 1;
        points = walk.Compose();
        Assert.Equal(digit.Of(2, 0)[0] + 1, points.Of(2, 9)[0], Tolerance);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 1)]
    public void AnInterpolationOfOneLayerWalksItBetweenDigitsOfTwoClassesAndKeepsTheFirstsOtherLayers(int variant, int layer)
    {
        var context = _fixture.Context;
        (context.ModeVariant, context.SelectedLayer) = (variant, layer);
        var composer = new InterpolationComposer(context, alone: true);
        composer.Enter();
        var points = composer.Compose();
        // Each entry takes the next 16 digits after the 12 reconstructed ones; its first end is the one whose layers
        // below the walked one hold the least noise, its last the one of another class that the walk's last tile (the
        // first's noise with the walked layer's taken from it) draws most like itself, in pixels.
        var block = Enumerable.Range(LatentScene.ReconstructionPairs + variant * StyleSwap.Digits, StyleSwap.Digits).ToArray();
        double Below(int digit) => Enumerable.Range(0, layer).Sum(l => _fixture.Encoded(digit).Of(l, 0).ToArray().Sum(v => (double)v * v));
        var first = block.MinBy(Below);
        float[] Drawn(NoiseGrid point)
        {
            var image = new float[LvaeConfig.ImagePixels];
            _fixture.Copy.Decode(point.Inputs, 1, image);
            return image;
        }
        double Unlike(int digit)
        {
            var end = _fixture.Encoded(first);
            _fixture.Encoded(digit).Of(layer, 0).CopyTo(end.Of(layer, 0));
            return Drawn(end).Zip(Drawn(_fixture.Encoded(digit)), (a, b) => (double)(a - b) * (a - b)).Sum();
        }
        var last = block.Where(d => _fixture.Labels[d] != _fixture.Labels[first]).MinBy(Unlike);
        var (from, to) = (_fixture.Encoded(first), _fixture.Encoded(last));
        for (var tile = 0; tile < SceneContext.GridTiles; tile++)
        {
            var t = tile / (float)(SceneContext.GridTiles - 1);
            for (var i = 0; i < _fixture.Depth; i++)
            {
                var expected = i == layer
                    ? from.Of(i, 0).ToArray().Zip(to.Of(i, 0).ToArray(), (a, b) => (1 - t) * a + t * b).ToArray()
                    : from.Of(i, 0).ToArray();
                Equal(expected, points.Of(i, tile));
            }
        }
        Assert.Equal($"Interpolation of L{layer + 1} alone", composer.Title);
        Assert.Equal($"#{first}: a {_fixture.Labels[first]}", composer.Labels.First);
        Assert.Equal($"#{last}: a {_fixture.Labels[last]}", composer.Labels.Last);
    }

    [Fact]
    public void AnInterpolationOfAllLayersWalksEveryLayer()
    {
        var composer = new InterpolationComposer(_fixture.Context, alone: false);
        var points = composer.Compose();
        // Every layer walking, from the entry's first digit to its next of another class.
        var first = LatentScene.ReconstructionPairs;
        var last = Enumerable.Range(first, StyleSwap.Digits).First(d => _fixture.Labels[d] != _fixture.Labels[first]);
        var (from, to) = (_fixture.Encoded(first), _fixture.Encoded(last));
        for (var i = 0; i < _fixture.Depth; i++)
        {
            Equal(from.Of(i, 0), points.Of(i, 0));
            Equal(to.Of(i, 0), points.Of(i, SceneContext.GridTiles - 1));
        }
        Assert.Equal("Interpolation of all layers", composer.Title);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void TheStyleSwapsRowsKeepTheirDigitsUpperLayersAndItsColumnsTheirDigitsLowerLayers(int selected)
    {
        var context = _fixture.Context;
        context.SelectedLayer = selected;
        var composer = new StyleSwapComposer(context);
        var points = composer.Compose();
        // The top layer selected still leaves the rows one layer, and the bottom one leaves the columns two.
        var split = Math.Clamp(selected, 1, _fixture.Depth - 2);
        var first = LatentScene.ReconstructionPairs;
        for (var tile = 0; tile < SceneContext.GridTiles; tile++)
        {
            var (row, column) = (tile / StyleSwap.Columns, tile % StyleSwap.Columns);
            for (var layer = 0; layer < _fixture.Depth; layer++)
            {
                var source = layer > split ? first + row : first + StyleSwap.Columns + column;
                Equal(_fixture.Encoded(source).Of(layer, 0), points.Of(layer, tile));
            }
        }
        Assert.Equal("Style swap: L3 rows, L1-2 cols", composer.Title);
        Assert.Equal(Enumerable.Range(first, 8).Select(i => $"#{i}: a {_fixture.Labels[i]}"), composer.Labels.Rows);
        Assert.Equal(Enumerable.Range(first + 8, 8).Select(i => $"#{i}: a {_fixture.Labels[i]}"), composer.Labels.Columns);
        Assert.Equal(Enumerable.Range(first, 8), composer.Labels.RowDigits);
        Assert.Equal(Enumerable.Range(first + 8, 8), composer.Labels.ColumnDigits);
    }

    [Fact]
    public void AGridOfTestDigitsStartsWithoutNudgesAndIsEncodedAgainForNewWeights()
    {
        var context = _fixture.Context;
        var composer = new StyleSwapComposer(context);
        composer.Enter();
        var before = composer.Compose().Of(0, 0).ToArray();
        composer.Steered(0)[0] += 1;
        Assert.Equal(before[0] + 1, composer.Compose().Of(0, 0)[0], Tolerance);
        composer.Enter();
        Equal(before, composer.Compose().Of(0, 0));

        // The same weights under a new generation give the same points: they were composed again from the digits.
        context.WeightsGeneration++;
        Equal(before, composer.Compose().Of(0, 0));
    }

    [Fact]
    public void TheExplorersRowsEachVaryTheirOwnLayerAroundTheWalksSelectedTileWhenItIsHeld()
    {
        _fixture.LabelWalk();
        var context = _fixture.Context;
        context.SelectedTile = 5;
        var walk = new WalkComposer(context);
        walk.Steered(0)[1] = 0.25f;
        // Tile 5 is held where it is (as a steered tile is): the explorer centres on it.
        context.Move.Start(5, context.Walk, 5, context.Walk, [true, true, true], TimeSpan.Zero, 0, Easing.Linear);
        var explorer = new ExplorerComposer(context, walk);
        explorer.Enter();
        var points = explorer.Compose();
        var depth = _fixture.Depth;
        Assert.Equal(depth * LayerExplorer.Columns, points.Tiles);
        for (var row = 0; row < depth; row++)
        {
            var varied = depth - 1 - row;
            for (var column = 0; column < LayerExplorer.Columns; column++)
                for (var layer = 0; layer < depth; layer++)
                {
                    // The centre is tile 5 of the walk with its nudge; a redraw takes its row's layer from walk tile c.
                    var expected = context.Walk.Of(layer, layer == varied && column > 0 ? column : 5).ToArray();
                    if (layer == 0 && (layer != varied || column == 0)) expected[1] += 0.25f;
                    Equal(expected, points.Of(layer, row * LayerExplorer.Columns + column));
                }
        }
        Assert.Equal(["L3", "L2", "L1"], explorer.Labels.Rows);
        Assert.Equal(["centre", "draw 1", "draw 2", "draw 3", "draw 4", "draw 5", "draw 6", "draw 7"], explorer.Labels.Columns);
        Assert.Equal("Explorer L3-1: redraws (no map)", explorer.Title);
        // A click on a row selects that row's layer; the highlight follows the selected layer's row.
        Assert.Equal(0, explorer.LayerOfTile(2 * LayerExplorer.Columns + 3));
        context.SelectedLayer = 2;
        Assert.Equal(0, explorer.Highlight);
    }

    [Fact]
    public void AFreeTileLeavesTheExplorerCentredOnAClassMeanAnotherClassEachEntry()
    {
        var context = _fixture.Context;
        var explorer = new ExplorerComposer(context, new WalkComposer(context));
        var shelf = new BookmarkShelf(null, context.Sizes, _ => { });
        var expected = new float[context.Sizes[1]];
        var classes = new List<int>();
        for (var variant = 1; variant <= 2; variant++)
        {
            context.ModeVariant = variant;
            explorer.Enter();
            var digitClass = _fixture.Labels[LatentScene.ReconstructionPairs + variant];
            context.Points.Resolve(new PointSource.DigitClass(digitClass), 1, expected, shelf);
            Equal(expected, explorer.SelectedNoise(1));
            classes.Add(digitClass);
        }
        Assert.NotEqual(classes[0], classes[1]);
    }

    [Fact]
    public void ExplorerAxisColumnsStepTheirLayerAlongItsFirstMapAxisUnderTheCentresPrior()
    {
        var context = _fixture.Context;
        var explorer = new ExplorerComposer(context, new WalkComposer(context));
        explorer.Enter();
        // Axis 0 of each layer is its first unit; the digits spread 0.5 along it.
        context.Map = new LatentMap(context.Sizes.Select(size =>
        {
            var axes = new float[2 * size];
            (axes[0], axes[size + 1]) = (1, 1);
            return new LayerMap(new float[2], new float[size], axes, [0.25f, 0.25f], size);
        }).ToArray(), [0], Step: 0, Effects: []);
        context.ExplorerColumns = ExplorerColumns.PrincipalAxis;
        var points = explorer.Compose();
        var centre = Enumerable.Range(0, _fixture.Depth).Select(layer => explorer.SelectedNoise(layer).ToArray()).ToArray();
        for (var row = 0; row < _fixture.Depth; row++)
        {
            var layer = _fixture.Depth - 1 - row;
            var scale = explorer.SelectedScale(layer)[0];
            for (var column = 0; column < LayerExplorer.Columns; column++)
            {
                var expected = (float[])centre[layer].Clone();
                expected[0] += LayerExplorer.AxisPosition(column) * 0.5f / scale;
                Equal(expected, points.Of(layer, row * LayerExplorer.Columns + column));
            }
        }
        Assert.Equal(["-2 SD", "-1.4 SD", "-0.9 SD", "-0.3 SD", "+0.3 SD", "+0.9 SD", "+1.4 SD", "+2 SD"], explorer.Labels.Columns);
        Assert.Equal("Explorer L3-1: PC1 steps", explorer.Title);
    }
}
