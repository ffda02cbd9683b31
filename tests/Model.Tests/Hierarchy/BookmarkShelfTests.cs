using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Tests.Hierarchy;

public sealed class BookmarkShelfTests : IDisposable
{
    private static readonly int[] Sizes = [3, 2];
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-bookmarks-").FullName;
    private readonly List<string> _notices = [];

    private BookmarkShelf Open() => new(_folder, Sizes, _notices.Add);

    [Fact]
    public void SavedPointsComeBackFromTheRunFolderUnderTheirNames()
    {
        var shelf = Open();
        Assert.Equal(new SavedBookmark("b1", null), shelf.Save([[1, 2, 3], [4, 5]]));
        Assert.Equal("b2", shelf.Save([[-1, 0.5f, 7], [8, 9]]).Name);
        var again = Open();
        Assert.Equal(["b1", "b2"], again.All.Select(b => b.Name));
        Assert.Equal([[-1, 0.5f, 7], [8, 9]], again.Find("b2")!.Layers);
        Assert.Equal("b1", again.Next()!.Name);
        Assert.Equal("b2", again.Next()!.Name);
        Assert.Equal("b1", again.Next()!.Name);
        Assert.Empty(_notices);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[{\"name\": \"b1\", \"layers\": [[1, 2], [3, 4]]}]")] // another model's shape
    [InlineData("null")]
    public void AnUnreadableFileIsSetAsideWithANoticeAndNeverOverwritten(string content)
    {
        var path = Path.Combine(_folder, BookmarkShelf.FileName);
        File.WriteAllText(path, content);
        var shelf = Open();
        Assert.Empty(shelf.All);
        var notice = Assert.Single(_notices);
        Assert.Contains("could not be read", notice);
        Assert.Equal(content, File.ReadAllText(path + ".unreadable-1"));
        shelf.Save([[1, 2, 3], [4, 5]]);
        Assert.Equal(content, File.ReadAllText(path + ".unreadable-1"));
        Assert.Single(Open().All);
    }

    [Fact]
    public void AFolderInPlaceOfTheFileKeepsTheBookmarksForTheSessionWithANotice()
    {
        Directory.CreateDirectory(Path.Combine(_folder, BookmarkShelf.FileName));
        var shelf = Open();

        Assert.Null(Record.Exception(() => shelf.Save([[1, 2, 3], [4, 5]])));
        Assert.Single(shelf.All);
        Assert.Contains("is a directory; this session's bookmarks are kept in memory only", Assert.Single(_notices));
    }

    [Fact]
    public void ASaveToAReadOnlyFolderKeepsTheBookmarkAndSaysWhyItWasNotWritten()
    {
        using var mount = new ReadOnlyMount(_ => { });
        var shelf = new BookmarkShelf(mount.Path, Sizes, _notices.Add);

        var saved = shelf.Save([[1, 2, 3], [4, 5]]);

        Assert.Equal("b1", saved.Name);
        Assert.StartsWith($"{Path.Combine(mount.Path, BookmarkShelf.FileName)} could not be written (", saved.Unwritten);
        Assert.Contains("for this session only", saved.Notice);
        Assert.Single(shelf.All);
        Assert.Empty(Directory.EnumerateFileSystemEntries(mount.Path));
    }

    [Fact]
    public void AStoredValueThatReadsAsInfinityIsSetAsideWhenRead()
    {
        var path = Path.Combine(_folder, BookmarkShelf.FileName);
        File.WriteAllText(path, "[{\"name\": \"b1\", \"layers\": [[1, 2, 1e39], [3, 4]]}]");

        var shelf = Open();

        Assert.Empty(shelf.All);
        Assert.Contains("could not be read", Assert.Single(_notices));
        Assert.True(File.Exists(path + ".unreadable-1"));
        Assert.Null(Record.Exception(() => shelf.Save([[1, 2, 3], [4, 5]])));
        Assert.Single(Open().All);
    }

    [Fact]
    public void ADamagedFileInAReadOnlyFolderLeavesTheShelfInMemoryWithANotice()
    {
        using var mount = new ReadOnlyMount(folder => File.WriteAllText(Path.Combine(folder, BookmarkShelf.FileName), "{ not json"));

        var shelf = new BookmarkShelf(mount.Path, Sizes, _notices.Add);

        Assert.Empty(shelf.All);
        Assert.Contains("could not be set aside", Assert.Single(_notices));
        Assert.Null(Record.Exception(() => shelf.Save([[1, 2, 3], [4, 5]])));
        Assert.Single(shelf.All);
    }

    [Fact]
    public async Task APipeInPlaceOfTheFileIsNotOpened()
    {
        var path = Path.Combine(_folder, BookmarkShelf.FileName);
        ReadOnlyMount.Tool("mkfifo", path);

        // Opening a pipe without a writer blocks: the shelf must not try.
        var shelf = await Task.Run(Open).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(shelf.All);
        Assert.Contains("is a FIFO", Assert.Single(_notices));
    }

    [Fact]
    public async Task SavingBesideManyBookmarksTakesTheNextNameWithoutASearchPerName()
    {
        const int count = 400_000;
        File.WriteAllText(Path.Combine(_folder, BookmarkShelf.FileName),
            "[" + string.Join(",", Enumerable.Range(1, count).Select(i => $"{{\"name\":\"b{i}\",\"layers\":[[0,0,0],[0,0]]}}")) + "]");
        var shelf = Open();

        Assert.Null(await Record.ExceptionAsync(() => Task.Run(() => shelf.Save([[1, 2, 3], [4, 5]])).WaitAsync(TimeSpan.FromSeconds(20))));
        Assert.Equal($"b{count + 1}", shelf.All[^1].Name);
    }

    [Fact]
    public void WithoutAFolderTheShelfKeepsItsPointsInMemory()
    {
        var shelf = new BookmarkShelf(null, Sizes, _notices.Add);
        shelf.Save([[1, 2, 3], [4, 5]]);
        Assert.Single(shelf.All);
        Assert.Null(new BookmarkShelf(null, Sizes, _notices.Add).Next());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
