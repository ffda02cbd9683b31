namespace LvaeLive.Model.Evaluation;

/// <summary>
/// A report's files, built whole in memory, then written as a set: every file first under a temporary name (flushed to
/// disk), then each renamed over its final name, in the order added (index files last). A failure while writing leaves
/// the folder as it was; renames within a folder do not fail halfway through a file.
/// </summary>
public sealed class ReportFiles
{
    private const string TemporarySuffix = ".tmp";
    private readonly List<(string Name, byte[] Bytes)> files = [];

    public void Add(string name, byte[] bytes) => files.Add((name, bytes));

    public void Add(string name, string text) => Add(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        try
        {
            foreach (var (name, bytes) in files)
            {
                var temporary = Path.Combine(folder, name + TemporarySuffix);
                written.Add(temporary);
                using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            foreach (var (name, _) in files)
                File.Move(Path.Combine(folder, name + TemporarySuffix), Path.Combine(folder, name), overwrite: true);
        }
        finally
        {
            foreach (var temporary in written.Where(File.Exists)) File.Delete(temporary);
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
