using System.Globalization;

namespace LvaeLive.Host.Recording;

/// <summary>
/// ffmpeg's command line: raw RGBA frames of a fixed size on stdin at a fixed rate, out to MP4 (H.264, yuv420p so that
/// every player takes it) or GIF (palettegen and paletteuse in one filter graph, for a palette made from the frames
/// themselves). The container is named with -f because the temporary output name has no telling extension.
/// </summary>
internal static class FfmpegArguments
{
    public static IReadOnlyList<string> For(RecordingFormat format, int width, int height, int fps, int threads, string output)
    {
        var threadCount = threads.ToString(CultureInfo.InvariantCulture);
        List<string> arguments =
        [
            "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-filter_threads", threadCount,
            "-f", "rawvideo", "-pix_fmt", "rgba",
            "-s", $"{width}x{height}", "-r", fps.ToString(CultureInfo.InvariantCulture),
            "-i", "-",
            "-an", "-threads", threadCount,
        ];
        arguments.AddRange(format switch
        {
            RecordingFormat.Mp4 => ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-f", "mp4"],
            // palettegen needs every frame before paletteuse can start: the GIF is encoded when the input ends.
            RecordingFormat.Gif => ["-vf", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse", "-loop", "0", "-f", "gif"],
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no ffmpeg arguments for this format"),
        });
        arguments.Add(output);
        return arguments;
    }
}
