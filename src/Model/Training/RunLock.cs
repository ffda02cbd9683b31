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

    private RunLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="runFolder"/> (made if missing), or says in one line that another trainer holds it.</summary>
    public static RunLock Take(string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        var path = Path.Combine(runFolder, FileName);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e.HResult == Held)
        {
            throw new IOException($"{runFolder} is being trained by another lvae (it holds {path}); wait for it to stop, or choose another --run-dir", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
