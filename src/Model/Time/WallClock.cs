using System.Diagnostics;
using System.Globalization;

namespace LvaeLive.Model.Time;

/// <summary>
/// The one reader of the machine's clock (BannedSymbols.txt keeps <see cref="Stopwatch"/>, <see cref="DateTime.Now"/>
/// and <see cref="Environment.TickCount64"/> out of everything else). It is for what really is wall time: the live
/// view's pacing, training's hand-over intervals, measured speeds and durations, test deadlines, and the time stamps
/// in the names of runs, recordings and screenshots. What a frame shows asks the frame loop's clock instead, so that a
/// recording on a frame clock does not depend on how fast the machine was.
/// </summary>
// This class is the exemption that BannedSymbols.txt makes room for: the machine's clock is read here and nowhere else.
#pragma warning disable RS0030
public sealed class WallClock
{
    private long _started = Stopwatch.GetTimestamp();

    /// <summary>A clock that starts now.</summary>
    public static WallClock StartNew() => new();

    /// <summary>Time since the clock started (or was restarted).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Restart() => _started = Stopwatch.GetTimestamp();

    /// <summary>The local date and time as yyyyMMdd-HHmmss (with -fff milliseconds when asked), for names that sort by time.</summary>
    public static string Stamp(bool milliseconds = false) =>
        DateTime.Now.ToString(milliseconds ? "yyyyMMdd-HHmmss-fff" : "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
#pragma warning restore RS0030
