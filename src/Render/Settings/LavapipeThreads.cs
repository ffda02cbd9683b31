using System.Runtime.InteropServices;

namespace LvaeLive.Render.Settings;

/// <summary>
/// LP_NUM_THREADS: how many threads lavapipe (Mesa's CPU Vulkan driver) rasterises and computes with. Mesa reads it
/// with getenv when the driver loads, so it must be in the native environment (setenv) before the first Vulkan
/// instance; .NET's Environment.SetEnvironmentVariable does not reach getenv on Linux.
/// </summary>
public static partial class LavapipeThreads
{
    public const string Variable = "LP_NUM_THREADS";

    /// <summary>The value in effect: the user's if set, otherwise <paramref name="fallback"/>, written to the native environment.</summary>
    public static int Ensure(int fallback)
    {
        var current = Environment.GetEnvironmentVariable(Variable);
        if (int.TryParse(current, out var threads) && threads >= 0)
            return threads;
        if (current is not null)
            throw new ArgumentException($"{Variable}='{current}' is not a thread count");
        if (OperatingSystem.IsLinux() && SetEnv(Variable, fallback.ToString(), 1) != 0)
            throw new PlatformNotSupportedException($"setenv({Variable}) failed");
        Environment.SetEnvironmentVariable(Variable, fallback.ToString());
        return fallback;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
