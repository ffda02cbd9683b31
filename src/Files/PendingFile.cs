namespace LvaeLive.Files;

/// <summary>
/// A file on its way to <see cref="Path"/>: written under its <see cref="TemporaryName"/>, flushed to disk, then renamed
/// over the target by <see cref="Commit"/>, so that a reader, or a crash at any moment, finds the old file whole or the
/// new one whole, never part of either. Disposing it deletes the temporary when it was not committed. The temporary is
/// written by this process through <see cref="Write"/>, or by another one (ffmpeg) given <see cref="TemporaryPath"/>.
/// </summary>
public sealed class PendingFile(string path) : IDisposable
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string TemporaryPath { get; } = TemporaryName.For(path);

    /// <summary>
    /// Writes the whole temporary file and flushes it to disk, so that a set of files written first and committed
    /// after meets any storage error (a full disk) before the first rename.
    /// </summary>
    public void Write(Action<Stream> write)
    {
        using var stream = new FileStream(TemporaryPath, FileMode.Create, FileAccess.Write, FileShare.None);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Flushes the temporary to disk, whoever wrote it (a no-op for one <see cref="Write"/> flushed, needed for one that
    /// another process wrote), and renames it over the target: without the flush, a crash just after the rename could
    /// leave the final name on a file whose contents never reached the disk.
    /// </summary>
    public void Commit()
    {
        using (var stream = new FileStream(TemporaryPath, FileMode.Open, FileAccess.Write, FileShare.None))
            stream.Flush(flushToDisk: true);
        File.Move(TemporaryPath, Path, overwrite: true);
    }

    /// <summary>
    /// Deletes the temporary file, if one is left: after a failure, or from another thread to abandon an output. Only a
    /// file: something else at the name is not this writer's, and the failed write has already said why.
    /// </summary>
    public void Dispose()
    {
        if (File.Exists(TemporaryPath))
            File.Delete(TemporaryPath);
    }
}
