using LvaeLive.Files;
using LvaeLive.Imaging;

namespace LvaeLive.Host.Recording;

/// <summary>
/// The fallback without ffmpeg: numbered PNG files in a temporary folder, renamed when finished to `NAME-png` beside
/// where the video would have been (`NAME-png-2`, ... when that exists: an earlier sequence is never overwritten).
/// </summary>
internal sealed class PngSequenceSink : IFrameSink
{
    private readonly string temporary;
    private readonly string output;
    private readonly int width;
    private readonly int height;
    private int index;

    public PngSequenceSink(string videoPath, int width, int height)
    {
        output = FreeFolderName(Path.Combine(Path.GetDirectoryName(videoPath)!, Path.GetFileNameWithoutExtension(videoPath) + "-png"));
        temporary = TemporaryName.For(output);
        this.width = width;
        this.height = height;
        Directory.CreateDirectory(temporary);
    }

    public string Description => $"{output}{Path.DirectorySeparatorChar} (PNG files: ffmpeg could not be started)";

    public static string FrameName(int index) => $"frame_{index:D6}.png";

    public void Write(ReadOnlySpan<byte> rgba) => PngFile.Write(Path.Combine(temporary, FrameName(index++)), rgba, width, height);

    public string Finish()
    {
        Directory.Move(temporary, output);
        return output;
    }

    public void Abandon()
    {
        if (Directory.Exists(temporary))
            Directory.Delete(temporary, recursive: true);
    }

    public void Dispose()
    {
        // Nothing held open between frames: each PNG is written and closed whole.
    }

    private static string FreeFolderName(string wanted)
    {
        var candidate = wanted;
        for (var n = 2; Directory.Exists(candidate) || File.Exists(candidate); n++)
            candidate = $"{wanted}-{n}";
        return candidate;
    }
}
