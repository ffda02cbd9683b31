using LvaeLive.Files;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Removes, at a command's start, what killed runs left half-written in the folders it writes into: recordings,
/// checkpoint files and any other output still under its <see cref="TemporaryName"/> after its process has gone. Every
/// writer names its temporaries that one way; this is the one place that deletes leftovers, and it says so in one line.
/// </summary>
internal static class Leftovers
{
    /// <param name="runFolder">The run folder the command trains into, if any (null for none).</param>
    /// <param name="recordingFolders">Folders the command records into (missing ones are skipped).</param>
    public static void Remove(Action<string> say, string? runFolder, params string?[] recordingFolders)
    {
        var removed = new List<string>();
        foreach (var folder in recordingFolders.Prepend(runFolder).OfType<string>().Select(Path.GetFullPath).Distinct().Where(Directory.Exists))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
            {
                if (!TemporaryName.IsLeftover(entry))
                    continue;
                if (Directory.Exists(entry))
                    Directory.Delete(entry, recursive: true); // The PNG files of a recording made without ffmpeg.
                else
                    File.Delete(entry);
                removed.Add(entry);
            }
        }
        if (removed.Count > 0)
            say($"lvae: removed what interrupted runs left: {string.Join(", ", removed)}");
    }
}
