namespace LvaeLive.Model.Benchmarks;

/// <summary>
/// The process's resident memory (Linux /proc/self/status): current (VmRSS) and peak (VmHWM), in bytes. libtorch's
/// CPU allocations are outside the managed heap, so only the operating system's count sees them.
/// </summary>
public static class PeakMemory
{
    /// <summary>Starts a new peak from the current resident size; false where the kernel does not allow it.</summary>
    public static bool Reset()
    {
        try
        {
            // Writing 5 to clear_refs resets VmHWM (Linux 4.0 and later).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Peak => Read("VmHWM:");

    public static long Current => Read("VmRSS:");

    private static long Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) throw new PlatformNotSupportedException("peak memory is read from /proc/self/status, which only Linux has");
        var line = File.ReadLines(status).First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
    }
}
