using System.Diagnostics;

namespace LvaeLive.Host.Tests.Presentation;

/// <summary>What the X server shows, seen from outside the program as a user would: window lookup, resize, screenshots.</summary>
internal static class XDisplay
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The X id of the (mapped) window with exactly this title, waiting for it to appear until the deadline.</summary>
    public static string FindWindow(string title, TimeSpan within)
    {
        string? id = null;
        WaitUntil(within, () => (id = Run("xdotool", "search", "--onlyvisible", "--name", $"^{title}$").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()) is not null,
            $"no visible window titled {title}");
        return id!;
    }

    public static void ResizeWindow(string windowId, int width, int height)
    {
        var (exitCode, _, errors) = Run("xdotool", "windowsize", windowId, width.ToString(), height.ToString());
        if (exitCode != 0)
            throw new InvalidOperationException($"xdotool windowsize failed ({exitCode}): {errors}");
    }

    /// <summary>Sends a key press and release (an xdotool key name) to the window.</summary>
    public static void Key(string windowId, string key)
    {
        var (exitCode, _, errors) = Run("xdotool", "key", "--window", windowId, key);
        if (exitCode != 0)
            throw new InvalidOperationException($"xdotool key {key} failed ({exitCode}): {errors}");
    }

    /// <summary>The window's pixels as RGB bytes, rows top to bottom (xwd through ImageMagick).</summary>
    public static byte[] Capture(string windowId, int width, int height)
    {
        var rgb = RunBytes("sh", "-c", $"xwd -silent -id {windowId} | convert xwd:- -depth 8 rgb:-");
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

    /// <summary>Runs a command to its end; a search that finds nothing exits with 1, so the exit code is the caller's to judge.</summary>
    private static (int ExitCode, string Output, string Errors) Run(string program, params string[] args)
    {
        using var process = Start(program, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = Wait(process, program, args);
        return (process.ExitCode, output.Result, errors);
    }

    private static byte[] RunBytes(string program, params string[] args)
    {
        using var process = Start(program, args);
        using var bytes = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(bytes);
        var errors = Wait(process, program, args);
        copy.Wait(CommandTimeout);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {errors}");
        return bytes.ToArray();
    }

    private static Process Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
    }

    /// <summary>Waits for the process within the command timeout and returns what it wrote to stderr.</summary>
    private static string Wait(Process process, string program, string[] args)
    {
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {CommandTimeout.TotalSeconds:0} s");
        }
        return errors.Result;
    }
}
