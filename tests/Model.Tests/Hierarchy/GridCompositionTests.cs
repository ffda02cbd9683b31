using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Tests.Hierarchy;

/// <summary>The grids the live view decodes, made of known points: every value is checked against where it must come from.</summary>
public sealed class GridCompositionTests
{
    private static readonly int[] Sizes = [3, 2, 1];

    /// <summary>Points whose every value names its tile, layer and unit, so that any copy can be traced.</summary>
    private static NoiseGrid Labelled(int tiles, float offset = 0)
    {
        var grid = new NoiseGrid(Sizes, tiles);
        for (var tile = 0; tile < tiles; tile++)
            for (var layer = 0; layer < Sizes.Length; layer++)
                for (var unit = 0; unit < Sizes[layer]; unit++)
                    grid.Of(layer, tile)[unit] = offset + 100 * tile + 10 * layer + unit;
        return grid;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void TheStyleSwapTakesUpperLayersFromTheRowsDigitAndTheRestFromTheColumnsDigit(int split)
    {
        var digits = Labelled(StyleSwap.Digits);
        var grid = new NoiseGrid(Sizes, StyleSwap.Tiles);
        StyleSwap.Compose(digits, split, grid);
        for (var tile = 0; tile < StyleSwap.Tiles; tile++)
        {
            var (row, column) = (tile / StyleSwap.Columns, tile % StyleSwap.Columns);
            for (var layer = 0; layer < Sizes.Length; layer++)
            {
                var source = layer > split ? row : StyleSwap.Columns + column;
                Assert.Equal(digits.Of(layer, source).ToArray(), grid.Of(layer, tile).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(0, 2, 0)]
    [InlineData(0, 3, 1)] // the bottom layer alone barely changes the strokes: the columns take two layers
    [InlineData(1, 3, 1)]
    [InlineData(2, 3, 1)] // the top layer would leave the rows nothing: the split goes one below it
    [InlineData(4, 5, 3)]
    public void TheSplitStaysBelowTheTopLayerAndAboveTheBottomOne(int selected, int depth, int split) =>
        Assert.Equal(split, StyleSwap.SplitFor(selected, depth));

    [Fact]
    public void InterpolatingOneLayerWalksItAloneAndKeepsTheFirstDigitsOtherLayers()
    {
        var ends = Labelled(2);
        var grid = new NoiseGrid(Sizes, 5);
        Interpolation.Compose(ends, 1, grid);
        for (var tile = 0; tile < 5; tile++)
        {
            Assert.Equal(ends.Of(0, 0).ToArray(), grid.Of(0, tile).ToArray());
            Assert.Equal(ends.Of(2, 0).ToArray(), grid.Of(2, tile).ToArray());
            // Digit 1's values are digit 0's plus 100: the walk is a quarter of that per tile.
            Assert.Equal(ends.Of(1, 0).ToArray().Select(v => v + 25f * tile), grid.Of(1, tile).ToArray());
        }
    }

    [Fact]
    public void InterpolatingEveryLayerWalksThemAllFromOneDigitToTheOther()
    {
        var ends = Labelled(2);
        var grid = new NoiseGrid(Sizes, 5);
        Interpolation.Compose(ends, null, grid);
        for (var layer = 0; layer < Sizes.Length; layer++)
        {
            Assert.Equal(ends.Of(layer, 0).ToArray(), grid.Of(layer, 0).ToArray());
            Assert.Equal(ends.Of(layer, 0).ToArray().Select(v => v + 50f), grid.Of(layer, 2).ToArray());
            Assert.Equal(ends.Of(layer, 1).ToArray(), grid.Of(layer, 4).ToArray());
        }
    }

    [Fact]
    public void EachExplorerRowRedrawsItsOwnLayerAloneWithTheTopLayerInTheTopRow()
    {
        var centre = Labelled(1, offset: -1000);
        var draws = Labelled(LayerExplorer.Columns);
        var grid = new NoiseGrid(Sizes, LayerExplorer.Tiles(Sizes.Length));
        LayerExplorer.ComposeRedraws(centre, draws, grid);
        for (var tile = 0; tile < grid.Tiles; tile++)
        {
            var (row, column) = (tile / LayerExplorer.Columns, tile % LayerExplorer.Columns);
            var varied = Sizes.Length - 1 - row;
            Assert.Equal(row, LayerExplorer.RowOf(varied, Sizes.Length));
            for (var layer = 0; layer < Sizes.Length; layer++)
            {
                var expected = layer == varied && column > 0 ? draws.Of(layer, column) : centre.Of(layer, 0);
                Assert.Equal(expected.ToArray(), grid.Of(layer, tile).ToArray());
            }
        }
    }

    [Fact]
    public void ExplorerAxisStepsAreEvenAndCentredOnTheCentre()
    {
        var centre = Labelled(1);
        float[][] steps = [[1, 0, 0], [0, 2], [-1]];
        var grid = new NoiseGrid(Sizes, LayerExplorer.Tiles(Sizes.Length));
        LayerExplorer.ComposeAlongAxes(centre, steps, grid);
        var reach = LayerExplorer.AxisReach;
        for (var tile = 0; tile < grid.Tiles; tile++)
        {
            var (row, column) = (tile / LayerExplorer.Columns, tile % LayerExplorer.Columns);
            var varied = Sizes.Length - 1 - row;
            var along = -reach + 2 * reach * column / (LayerExplorer.Columns - 1);
            for (var layer = 0; layer < Sizes.Length; layer++)
            {
                var expected = centre.Of(layer, 0).ToArray();
                if (layer == varied)
                    for (var d = 0; d < expected.Length; d++) expected[d] += along * steps[layer][d];
                Assert.Equal(expected, grid.Of(layer, tile).ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
            }
        }
    }

    [Fact]
    public void AOneLayerModelsExplorerIsOneRow()
    {
        var grid = new NoiseGrid([4], LayerExplorer.Tiles(1));
        var centre = new NoiseGrid([4], 1);
        var draws = new NoiseGrid([4], LayerExplorer.Columns);
        draws.Of(0, 3).Fill(7);
        LayerExplorer.ComposeRedraws(centre, draws, grid);
        Assert.Equal(LayerExplorer.Columns, grid.Tiles);
        Assert.Equal([7f, 7f, 7f, 7f], grid.Of(0, 3).ToArray());
        Assert.Equal([0f, 0f, 0f, 0f], grid.Of(0, 0).ToArray());
    }
}
