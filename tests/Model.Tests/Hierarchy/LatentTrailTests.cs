using LvaeLive.Model.Animation;

namespace LvaeLive.Model.Tests.Hierarchy;

public sealed class LatentTrailTests
{
    private static TimeSpan Span(int n) => LatentTrail.Spacing * n;

    [Fact]
    public void ItKeepsTheNewestPointsOldestFirstAtMostOnePerSpan()
    {
        var trail = new LatentTrail(length: 3, largestSize: 2);
        trail.Add(Span(0), [1, 1]);
        trail.Add(Span(0) + TimeSpan.FromTicks(1), [9, 9]); // the same span: not taken
        trail.Add(Span(1), [2, 2]);
        trail.Add(Span(2), [3, 3]);
        trail.Add(Span(3), [4, 4]); // the oldest goes
        Assert.Equal(3, trail.Count);
        Assert.Equal([2f, 3f, 4f], Enumerable.Range(0, 3).Select(i => trail.Point(i, 2)[0]));
    }

    [Fact]
    public void AStillLatentLeavesOnePointAndClearingEmptiesIt()
    {
        var trail = new LatentTrail(length: 4, largestSize: 1);
        for (var n = 0; n < 10; n++) trail.Add(Span(n), [5]);
        Assert.Equal(1, trail.Count);
        trail.Clear();
        Assert.Equal(0, trail.Count);
        trail.Add(Span(11), [6]);
        Assert.Equal(6f, trail.Point(0, 1)[0]);
    }
}
