using System.ComponentModel;
using System.Diagnostics;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Reads a finished video back with ffprobe before it gets its final name. ffmpeg's exit code alone does not prove the
/// file whole: ffmpeg 5 exits 0 when a full disk stops it writing the MP4 trailer, leaving a file no player opens.
/// </summary>
internal static class VideoCheck
{
    /// <summary>Null when ffprobe finds a video stream in the file; otherwise why the file cannot be kept.</summary>
    public static string? Problem(string ffprobe, string video, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_type", "-of", "csv=p=0", video })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            return $"ffprobe, which checks the finished file, could not be started ({e.Message}); install it with ffmpeg";
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill();
                return $"ffprobe did not read the finished file within {timeout.TotalSeconds:0} s";
            }
            process.WaitForExit(); // It has exited: this only drains the rest of its output.
            if (process.ExitCode == 0 && stdout.Result.Trim() == "video")
                return null;
            var said = string.Join(" | ", stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return $"ffprobe cannot read it as a video ({(said.Length == 0 ? "no video stream" : said)})";
        }
    }
}
