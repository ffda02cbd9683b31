using LvaeLive.Files;

namespace LvaeLive.Model.Evaluation;

/// <summary>
/// A report's files, built whole in memory, then written as a set of <see cref="PendingFile"/>s: every file first under
/// its temporary name (flushed to disk), then each renamed over its final name, in the order added (index files last).
/// A failure while writing leaves the folder as it was; renames within a folder do not fail halfway through a file.
/// </summary>
public sealed class ReportFiles
{
    private readonly List<(string Name, byte[] Bytes)> _files = [];

    public void Add(string name, byte[] bytes) => _files.Add((name, bytes));

    public void Add(string name, string text) => Add(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var pending = _files.Select(file => (File: new PendingFile(Path.Combine(folder, file.Name)), file.Bytes)).ToList();
        try
        {
            foreach (var (file, bytes) in pending)
                file.Write(stream => stream.Write(bytes));
            foreach (var (file, _) in pending)
                file.Commit();
        }
        finally
        {
            foreach (var (file, _) in pending)
                file.Dispose();
        }
    }

    /// <summary>
    /// Checks, before any long computation whose results would have nowhere to go, that files can be written in
    /// <paramref name="folder"/>, or in the nearest folder above it that exists (where it would be created). Creates nothing.
    /// </summary>
    public static void EnsureWritable(string folder)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(folder));
        for (; !existing.Exists; existing = existing.Parent!)
            if (File.Exists(existing.FullName))
                throw new IOException($"cannot write a report to {Path.GetFullPath(folder)}: {existing.FullName} is a file, not a folder");
        try
        {
            var probe = Path.Combine(existing.FullName, $".lvae-write-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write a report to {Path.GetFullPath(folder)}: {existing.FullName} is not writable ({e.Message})", e);
        }
    }
}
