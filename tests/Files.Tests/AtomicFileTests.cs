namespace LvaeLive.Files.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-files-").FullName;

    private string Target => Path.Combine(_folder, "model.bin");

    [Fact]
    public void ASuccessReplacesTheFileAndLeavesNothingElse()
    {
        File.WriteAllText(Target, "old");

        AtomicFile.Write(Target, stream => stream.Write("new contents"u8));

        Assert.Equal("new contents", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void AFailureMidWriteLeavesTheOldFileWholeAndNoTemporary()
    {
        File.WriteAllText(Target, "old");
        var failure = new IOException("the disk is full");

        var thrown = Assert.Throws<IOException>(() => AtomicFile.Write(Target, stream =>
        {
            stream.Write("half of the new"u8);
            stream.Flush();
            // Mid-write, the bytes go to the one temporary name (held exclusively, so only its length is read), and the
            // target is untouched.
            Assert.Equal("half of the new".Length, new FileInfo(TemporaryName.For(Target)).Length);
            Assert.Equal("old", File.ReadAllText(Target));
            throw failure;
        }));

        Assert.Same(failure, thrown);
        Assert.Equal("old", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void AFailedFirstWriteLeavesNoFileAtAll()
    {
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(Target, _ => throw new InvalidOperationException("encoder failed")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void AFileWrittenByAnotherWriterIsCommittedOrRemoved()
    {
        // ffmpeg's way: another writer fills the temporary; Commit renames it into place, Dispose removes an abandoned one.
        using (var kept = new PendingFile(Target))
        {
            File.WriteAllText(kept.TemporaryPath, "a video");
            kept.Commit();
        }
        using (var abandoned = new PendingFile(Path.Combine(_folder, "abandoned.mp4")))
            File.WriteAllText(abandoned.TemporaryPath, "half a video");

        Assert.Equal("a video", File.ReadAllText(Target));
        Assert.Equal([Target], Directory.EnumerateFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
