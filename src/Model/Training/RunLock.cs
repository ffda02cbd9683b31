namespace LvaeLive.Model.Training;

/// <summary>
/// The one trainer of a run folder: an exclusive lock on <see cref="FileName"/> in it, held while a training session
/// lives. Two trainers in one folder deleted each other's checkpoints as stale and interleaved metrics.jsonl. .NET takes
/// FileShare.None as flock(LOCK_EX | LOCK_NB) on the open file, which the kernel drops when the process ends, kill -9
/// included: the file that stays behind holds nothing and never goes stale.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";

    /// <summary>EWOULDBLOCK, with which .NET reports a lock that another open file holds.</summary>
    private const int Held = 11;

    private readonly FileStream _file;
    private readonly string _runFolder;
    // The outermost folder that Take made for the run, or null when the run folder existed: what Abandon removes.
    private readonly string? _madeFolder;

    private RunLock(FileStream file, string runFolder, string? madeFolder) => (_file, _runFolder, _madeFolder) = (file, runFolder, madeFolder);

    /// <summary>Takes the lock of <paramref name="runFolder"/> (made if missing), or says in one line that another trainer holds it.</summary>
    public static RunLock Take(string runFolder)
    {
        var made = OutermostMissing(Path.GetFullPath(runFolder));
        Directory.CreateDirectory(runFolder);
        var path = Path.Combine(runFolder, FileName);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), runFolder, made);
        }
        catch (IOException e) when (e.HResult == Held)
        {
            throw new IOException($"{runFolder} is being trained by another lvae (it holds {path}); wait for it to stop, or choose another --run-dir", e);
        }
    }

    /// <summary>
    /// Lets the lock go after the session it guarded failed to open. A run folder that <see cref="Take"/> made, and that
    /// still holds nothing but the lock file, is removed with the folders made for it: a mistyped checkpoint left an
    /// empty run folder behind, which the next try then had to be pointed past. The lock file goes while still held, so
    /// no other trainer can have taken it in between.
    /// </summary>
    public void Abandon()
    {
        if (_madeFolder is not null && Directory.EnumerateFileSystemEntries(_runFolder).All(entry => Path.GetFileName(entry) == FileName))
        {
            File.Delete(Path.Combine(_runFolder, FileName));
            for (var folder = Path.GetFullPath(_runFolder); IsWithin(folder, _madeFolder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
                Directory.Delete(folder);
        }
        _file.Dispose();
    }

    /// <summary>The outermost folder of <paramref name="folder"/> (itself included) that does not exist yet, or null when it exists.</summary>
    private static string? OutermostMissing(string folder)
    {
        string? missing = null;
        for (var current = folder; current is not null && !Path.Exists(current); current = Path.GetDirectoryName(current))
            missing = current;
        return missing;
    }

    private static bool IsWithin(string folder, string outer) =>
        folder == outer || folder.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public void Dispose() => _file.Dispose();
}
