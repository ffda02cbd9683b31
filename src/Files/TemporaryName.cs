using System.Diagnostics;
using System.Globalization;

namespace LvaeLive.Files;

/// <summary>
/// The one name every output has while it is being written: <c>.NAME.PID.partial</c>, beside its final name. Beside,
/// so that the final rename stays within one file system and is atomic; hidden, so that a half-written file is never
/// taken for a finished one; with the writer's process id, so that start-up cleanup can tell what a killed writer left
/// from an output that another running process is still writing.
/// </summary>
public static class TemporaryName
{
    private const string Suffix = ".partial";

    public static string For(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(finalPath))!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}{Suffix}");

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
