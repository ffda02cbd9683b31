namespace LvaeLive.Host.Recording;

/// <summary>The hidden name an output has while being written, beside its final one, so a half-written file never has the final name.</summary>
internal static class TemporaryName
{
    public static string For(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Environment.ProcessId}.partial");
}
