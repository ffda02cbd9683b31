using LvaeLive.Host.Tests.Processes;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Host.Window;

namespace LvaeLive.Host.Tests.Window;

/// <summary>
/// What window tests need from the X server, seen from outside the program as a user would: a display, a window's X
/// id, injected keys and resizes, screenshots, and waits on conditions.
/// </summary>
internal static class XDisplay
{
    /// <summary>How long a window test waits for the X server or GLFW to act on a request.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Fails (never skips) without a display: a window test skipped in CI is a test that cannot fail. Every window
    /// test calls this first, so the message says how to get a display rather than what GLFW or xdotool made of none.
    /// </summary>
    public static void Require() => Require(Environment.GetEnvironmentVariable("DISPLAY"));

    /// <summary>The check itself, given DISPLAY's value: a test of it must not unset DISPLAY under the tests running beside it.</summary>
    public static void Require(string? display)
    {
        if (string.IsNullOrEmpty(display))
            Assert.Fail("window tests need an X display: run them under `xvfb-run -a -s \"-screen 0 1920x1080x24\" dotnet test` " +
                        "(scripts/test.sh does that when DISPLAY is unset)");
    }

    public static string UniqueTitle() => $"lvae-test-{Guid.NewGuid():N}";

    /// <summary>The X id of the visible window with exactly this title, waiting for it to appear until the deadline.</summary>
    public static string FindWindow(string title, TimeSpan within)
    {
        string? id = null;
        // xdotool exits with 1 while no window matches: that is a reason to look again, not a failure.
        WaitUntil(within, () => (id = ProcessRunner.Run(new ProcessCommand("xdotool", "search", "--onlyvisible", "--name", $"^{title}$"), Deadline)
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()) is not null, $"no visible window titled {title}");
        return id!;
    }

    public static void ResizeWindow(string windowId, int width, int height) =>
        ExternalTools.Run("xdotool", "windowsize", windowId, width.ToString(), height.ToString());

    /// <summary>Sends a key press and release (an xdotool key name) to the window.</summary>
    public static void Key(string windowId, string key) => ExternalTools.Run("xdotool", "key", "--window", windowId, key);

    /// <summary>Moves the pointer to (<paramref name="x"/>, <paramref name="y"/>) in the window's pixels, raising it so the pointer's events go to it.</summary>
    public static void PointerTo(string windowId, int x, int y)
    {
        ExternalTools.Run("xdotool", "windowraise", windowId);
        ExternalTools.Run("xdotool", "mousemove", "--window", windowId, "--sync", x.ToString(), y.ToString());
    }

    /// <summary>A left click at a place in the window, through the X server's input (XTEST), as a mouse gives it.</summary>
    public static void Click(string windowId, int x, int y)
    {
        PointerTo(windowId, x, y);
        ExternalTools.Run("xdotool", "click", "1");
    }

    /// <summary>Presses the left button at <paramref name="from"/>, moves to <paramref name="to"/> in a few steps and releases it there.</summary>
    public static void Drag(string windowId, (int X, int Y) from, (int X, int Y) to, int steps = 8)
    {
        PointerTo(windowId, from.X, from.Y);
        ExternalTools.Run("xdotool", "mousedown", "1");
        for (var step = 1; step <= steps; step++)
        {
            ExternalTools.Run("xdotool", "mousemove", "--window", windowId, "--sync",
                (from.X + (to.X - from.X) * step / steps).ToString(), (from.Y + (to.Y - from.Y) * step / steps).ToString());
            Thread.Sleep(30); // Moves spread over frames, as a hand's are.
        }
        ExternalTools.Run("xdotool", "mouseup", "1");
    }

    /// <summary>One step of the wheel where the pointer is: up (button 4) or down (button 5).</summary>
    public static void Wheel(bool up) => ExternalTools.Run("xdotool", "click", up ? "4" : "5");

    /// <summary>The window's pixels as RGB bytes, rows top to bottom (xwd through ImageMagick).</summary>
    public static byte[] Capture(string windowId, int width, int height)
    {
        var rgb = ProcessRunner.Run(new ProcessCommand("sh", "-c", $"xwd -silent -id {windowId} | convert xwd:- -depth 8 rgb:-"), Deadline)
            .Succeeded().OutputBytes;
        if (rgb.Length != width * height * 3)
            throw new InvalidOperationException($"the screenshot has {rgb.Length} bytes, not the {width * height * 3} of {width}x{height} RGB: the window has another size");
        return rgb;
    }

    /// <summary>Checks <paramref name="condition"/> until it holds or the deadline passes (then throws with <paramref name="failure"/>).</summary>
    public static void WaitUntil(TimeSpan within, Func<bool> condition, string failure)
    {
        using var deadline = new CancellationTokenSource(within);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"{failure} after {within.TotalSeconds:0} s");
            Thread.Sleep(20);
        }
    }

    /// <summary>Handles the window's events until the condition holds, failing after the deadline.</summary>
    public static void PollUntil(GlfwWindow window, Func<bool> condition, string what) => WaitUntil(Deadline, () =>
    {
        window.WaitEvents(TimeSpan.FromMilliseconds(50));
        return condition();
    }, $"gave up waiting for {what}");
}
