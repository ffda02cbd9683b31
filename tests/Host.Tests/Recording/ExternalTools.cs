using LvaeLive.Host.Tests.Processes;

namespace LvaeLive.Host.Tests.Recording;

/// <summary>The command-line tools the tests rely on (ffprobe, ffmpeg, xdotool, kill), and stand-ins for them.</summary>
internal static class ExternalTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs a tool that must succeed, bounded in time, and returns its stdout without the closing newline.</summary>
    public static string Run(string tool, params string[] arguments) =>
        ProcessRunner.Run(new ProcessCommand(tool, arguments), Timeout).Succeeded().Output.Trim();

    /// <summary>"width,height,frames" of a video's first stream, counting the frames by decoding them.</summary>
    public static string Probe(string video) => Run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
        "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0", video);

    /// <summary>The id of a process that has ended, like the one in the temporary names a killed run left.</summary>
    public static int EndedProcessId()
    {
        using var process = ProcessRunner.Start(new ProcessCommand("true"));
        Assert.True(process.WaitForExit(Timeout), "`true` did not exit");
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
