using System.Diagnostics;
using System.Globalization;

namespace LvaeLive.Files.Time;

/// <summary>
/// The one reader of the machine's clock (BannedSymbols.txt keeps <see cref="Stopwatch"/>, <see cref="DateTime.Now"/>,
/// <see cref="DateTimeOffset.UtcNow"/>, <see cref="Environment.TickCount64"/> and the like out of everything else). It
/// is for what really is wall time: the live view's pacing, training's hand-over intervals, measured speeds and
/// durations (benchmarks), test deadlines, the time stamps in the names of runs, recordings and screenshots, and the
/// time a checkpoint was saved. What a frame shows asks the frame loop's clock instead, so that a recording on a frame
/// clock does not depend on how fast the machine was. It lives in Files, the room every other one can reach, so that
/// none needs an exemption of its own.
/// </summary>
// This class is the exemption that BannedSymbols.txt makes room for: the machine's clock is read here and nowhere else
// (tests/Host.Tests/Build/BannedApiTests holds every other source file to that).
#pragma warning disable RS0030
public sealed class WallClock
{
    private long _started = Stopwatch.GetTimestamp();

    /// <summary>A clock that starts now.</summary>
    public static WallClock StartNew() => new();

    /// <summary>Time since the clock started (or was restarted).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Restart() => _started = Stopwatch.GetTimestamp();

    /// <summary>The date and time in UTC, for records that note when something happened (a checkpoint's savedAt).</summary>
    public static DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <summary>The local time of day, for the clock a presenter reads (the live view's pacer reads it once, at its first frame).</summary>
    public static TimeSpan TimeOfDay => DateTime.Now.TimeOfDay;

    /// <summary>The local date and time as yyyyMMdd-HHmmss (with -fff milliseconds when asked), for names that sort by time.</summary>
    public static string Stamp(bool milliseconds = false) =>
        DateTime.Now.ToString(milliseconds ? "yyyyMMdd-HHmmss-fff" : "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
#pragma warning restore RS0030
