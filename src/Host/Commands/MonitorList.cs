using LvaeLive.Host.Window;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae live --list-monitors`: each monitor GLFW sees, with its current video mode and every mode it offers.</summary>
internal static class MonitorList
{
    public static void Print(TextWriter output)
    {
        GlfwRuntime.Acquire();
        try
        {
            var monitors = GlfwMonitor.All();
            if (monitors.Count == 0)
                throw new PlatformNotSupportedException("GLFW finds no monitor on this display");
            foreach (var monitor in monitors)
            {
                output.WriteLine($"{monitor.Summary}{(monitor.Number == 1 ? " (primary)" : "")}");
                output.WriteLine($"   modes: {string.Join(", ", monitor.Modes.Select(GlfwMonitor.Describe).Distinct())}");
            }
        }
        finally
        {
            GlfwRuntime.Release();
        }
    }
}
