using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Tests.Hierarchy;

public sealed class PointMoveTests
{
    private static readonly int[] Sizes = [2, 1];

    [Theory]
    [InlineData(Easing.Linear, 0.25f)]
    [InlineData(Easing.Smooth, 0.15625f)] // 3t^2 - 2t^3 at t = 1/4
    public void TheMovedLayersTravelEasedAndTheOthersKeepTheirNoise(Easing easing, float quarter)
    {
        var from = new NoiseGrid(Sizes, 3);
        from.Of(0, 2).Fill(1);
        from.Of(1, 2).Fill(5);
        var target = new NoiseGrid(Sizes, 1);
        target.Of(0, 0).Fill(9);
        target.Of(1, 0).Fill(-9);
        var move = new PointMove(Sizes);
        var start = TimeSpan.FromSeconds(10);
        move.Start(tile: 2, from, fromTile: 2, target, [true, false], start, seconds: 2, easing);

        var grid = new NoiseGrid(Sizes, 3);
        grid.Of(1, 2).Fill(5);
        move.ApplyTo(grid, 2, start + TimeSpan.FromSeconds(0.5));
        Assert.Equal(1 + 8 * quarter, grid.Of(0, 2)[0], 5);
        Assert.Equal(5f, grid.Of(1, 2)[0]);
        Assert.True(move.Moving(start + TimeSpan.FromSeconds(1.9)));
        move.ApplyTo(grid, 2, start + TimeSpan.FromSeconds(3));
        Assert.Equal([9f, 9f], grid.Of(0, 2).ToArray());
        Assert.False(move.Moving(start + TimeSpan.FromSeconds(3)));
        Assert.Equal(2, move.Tile);
    }

    [Fact]
    public void AMoveOfNoTimeArrivesAtOnceAndAReleasedMoveWritesNothing()
    {
        var target = new NoiseGrid(Sizes, 1);
        target.Of(0, 0).Fill(3);
        var move = new PointMove(Sizes);
        move.Start(0, new NoiseGrid(Sizes, 1), 0, target, [true, true], TimeSpan.Zero, 0, Easing.Smooth);
        var grid = new NoiseGrid(Sizes, 1);
        move.ApplyTo(grid, 0, TimeSpan.Zero);
        Assert.Equal([3f, 3f], grid.Of(0, 0).ToArray());
        move.Release();
        var untouched = new NoiseGrid(Sizes, 1);
        move.ApplyTo(untouched, 0, TimeSpan.Zero);
        Assert.Equal([0f, 0f], untouched.Of(0, 0).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => move.Start(0, grid, 0, target, [true, true], TimeSpan.Zero, -1, Easing.Linear));
    }
}
