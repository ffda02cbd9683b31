using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Tests.Window;

/// <summary>What window tests need from the X server: a display, the window's X id, injected input, and waits on conditions.</summary>
internal static class XDisplay
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Fails (never skips) without a display: CI runs these tests under Xvfb.</summary>
    public static void Require()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
            Assert.Fail("window tests need an X display: run them under `xvfb-run -a -s \"-screen 0 1920x1080x24\" dotnet test` " +
                        "(scripts/test.sh does that when DISPLAY is unset)");
    }

    public static string UniqueTitle() => $"lvae-test-{Guid.NewGuid():N}";

    /// <summary>The X window id of the one window with this exact title.</summary>
    public static string FindWindow(string title) => ExternalTools.Run("xdotool", "search", "--name", $"^{title}$");

    public static void Xdotool(params string[] arguments) => ExternalTools.Run("xdotool", arguments);

    /// <summary>Handles the window's events until the condition holds, failing after the deadline.</summary>
    public static void PollUntil(GlfwWindow window, Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                Assert.Fail($"gave up after {Deadline.TotalSeconds:0} s waiting for {what}");
            window.WaitEvents(TimeSpan.FromMilliseconds(50));
        }
    }
}
