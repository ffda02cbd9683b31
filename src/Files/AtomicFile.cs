namespace LvaeLive.Files;

/// <summary>The one way LvaeLive replaces a file it writes itself: checkpoints, reports and PNG images.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> puts in a stream, through a
    /// <see cref="PendingFile"/>: if anything fails, the previous file stays whole and no temporary is left behind.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = new PendingFile(path);
        file.Write(write);
        file.Commit();
    }
}
