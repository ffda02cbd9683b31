using System.Diagnostics;
using System.Globalization;

namespace LvaeLive.Host.Recording;

/// <summary>
/// The hidden name an output has while being written, beside its final one, so a half-written file never has the final
/// name. It carries the writer's process id, so that a later run can tell the leftovers of a killed writer from an
/// output that another run is still writing.
/// </summary>
internal static class TemporaryName
{
    private const string Suffix = ".partial";

    public static string For(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}{Suffix}");

    /// <summary>True for a temporary name whose writer no longer runs: what a killed run left.</summary>
    public static bool IsLeftover(string path)
    {
        var name = Path.GetFileName(path);
        if (!name.StartsWith('.') || !name.EndsWith(Suffix, StringComparison.Ordinal))
            return false;
        var stem = name[..^Suffix.Length]; // .NAME.PID
        var dot = stem.LastIndexOf('.');
        return dot > 1 && int.TryParse(stem[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No process has this id.
        }
    }
}
