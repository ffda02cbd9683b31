using System.Globalization;
using LvaeLive.Files.Time;

namespace LvaeLive.Files.Tests;

public sealed class WallClockTests
{
    [Fact]
    public void ElapsedTimeGrowsFromZeroAndRestartsAtZero()
    {
        var clock = WallClock.StartNew();
        var first = clock.Elapsed;
        Thread.Sleep(20);
        var second = clock.Elapsed;
        Assert.True(first >= TimeSpan.Zero && second - first >= TimeSpan.FromMilliseconds(15), $"{first} then {second}");
        clock.Restart();
        Assert.True(clock.Elapsed < second, $"{clock.Elapsed} after a restart, {second} before it");
    }

    [Fact]
    public void StampsSortByTimeAndUtcNowIsInUtc()
    {
        Assert.Matches(@"^\d{8}-\d{6}$", WallClock.Stamp());
        Assert.Matches(@"^\d{8}-\d{6}-\d{3}$", WallClock.Stamp(milliseconds: true));
        Assert.True(DateTime.TryParseExact(WallClock.Stamp(), "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.Equal(TimeSpan.Zero, WallClock.UtcNow.Offset);
    }
}
