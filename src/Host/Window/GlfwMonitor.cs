namespace LvaeLive.Host.Window;

/// <summary>
/// One connected monitor as GLFW reports it: its number as users give it (1 is the primary), name, current video mode
/// and every mode it supports. The handle is GLFW's and lives while GLFW is initialised.
/// </summary>
internal sealed record GlfwMonitor(int Number, string Name, VideoMode Current, IReadOnlyList<VideoMode> Modes, nint Handle)
{
    /// <summary>The primary monitor's number, which fullscreen covers unless told otherwise.</summary>
    public const int Primary = 1;

    /// <summary>The connected monitors, numbered from 1, the primary first. Needs GLFW initialised (a window open, or <see cref="GlfwRuntime.Acquire"/>).</summary>
    public static IReadOnlyList<GlfwMonitor> All() =>
        Glfw.GetMonitors().Select((handle, i) => new GlfwMonitor(i + 1, Glfw.GetMonitorName(handle), Glfw.GetVideoMode(handle), Glfw.GetVideoModes(handle), handle)).ToArray();

    /// <summary>Monitor <paramref name="number"/>; an unknown number is refused with a line that lists the monitors.</summary>
    public static GlfwMonitor Numbered(int number)
    {
        var all = All();
        if (all.Count == 0)
            throw new ArgumentException("--monitor: GLFW finds no monitor on this display");
        return number >= 1 && number <= all.Count
            ? all[number - 1]
            : throw new ArgumentException($"--monitor {number}: there is no monitor {number}; this display has {string.Join(", ", all.Select(m => m.Summary))}");
    }

    /// <summary>"1: HDMI-1 1920x1080 60 Hz": number, name and current mode.</summary>
    public string Summary => $"{Number}: {Name} {Describe(Current)}";

    /// <summary>"1920x1080 60 Hz"; without the rate where the display reports none (Xvfb).</summary>
    public static string Describe(VideoMode mode) => mode.RefreshRate > 0 ? $"{mode.Width}x{mode.Height} {mode.RefreshRate} Hz" : $"{mode.Width}x{mode.Height}";
}
