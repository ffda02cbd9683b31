namespace LvaeLive.Host.Recording;

/// <summary>What the recorder writes, chosen by the output's extension.</summary>
internal enum RecordingFormat
{
    Mp4,
    Gif,
}

internal static class RecordingFormats
{
    public static RecordingFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" => RecordingFormat.Mp4,
        ".gif" => RecordingFormat.Gif,
        var other => throw new ArgumentException(
            $"cannot record to '{path}': the extension {(other.Length == 0 ? "is missing" : $"'{other}' is not supported")}; use .mp4 or .gif"),
    };
}
