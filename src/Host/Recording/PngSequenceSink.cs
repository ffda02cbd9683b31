using LvaeLive.Files;
using LvaeLive.Imaging;

namespace LvaeLive.Host.Recording;

/// <summary>
/// The fallback without ffmpeg: numbered PNG files in a temporary folder, renamed when finished to `NAME-png` beside
/// where the video would have been (`NAME-png-2`, ... when that exists: an earlier sequence is never overwritten).
/// </summary>
internal sealed class PngSequenceSink : IFrameSink
{
    private readonly string _temporary;
    private readonly string _output;
    private readonly int _width;
    private readonly int _height;
    private int _index;

    public PngSequenceSink(string videoPath, int width, int height)
    {
        _output = FreeFolderName(Path.Combine(Path.GetDirectoryName(videoPath)!, Path.GetFileNameWithoutExtension(videoPath) + "-png"));
        _temporary = TemporaryName.For(_output);
        _width = width;
        _height = height;
        Directory.CreateDirectory(_temporary);
    }

    public string Description => $"{_output}{Path.DirectorySeparatorChar} (PNG files: ffmpeg could not be started)";

    public static string FrameName(int index) => $"frame_{index:D6}.png";

    public void Write(ReadOnlySpan<byte> rgba) => PngFile.Write(Path.Combine(_temporary, FrameName(_index++)), rgba, _width, _height);

    public string Finish()
    {
        Directory.Move(_temporary, _output);
        return _output;
    }

    public void Abandon()
    {
        if (Directory.Exists(_temporary))
            Directory.Delete(_temporary, recursive: true);
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
