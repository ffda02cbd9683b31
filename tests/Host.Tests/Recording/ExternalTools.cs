using System.Diagnostics;

namespace LvaeLive.Host.Tests.Recording;

/// <summary>Runs a command-line tool the tests rely on (ffprobe, xdotool), bounded in time, failing with its stderr.</summary>
internal static class ExternalTools
{
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within 30 s");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result.Trim();
    }

    /// <summary>"width,height,frames" of a video's first stream, counting the frames by decoding them.</summary>
    public static string Probe(string video) => Run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
        "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0", video);

    /// <summary>The id of a process that has ended, like the one in the temporary names a killed run left.</summary>
    public static int EndedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>A stand-in for ffmpeg: a shell script with the given body, to make ffmpeg fail or stall on purpose.</summary>
    public static string FakeFfmpeg(string folder, string body)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the fake ffmpeg is a shell script: Linux only");
        var path = Path.Combine(folder, "fake-ffmpeg.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
