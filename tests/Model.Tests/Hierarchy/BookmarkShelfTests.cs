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
        Assert.Equal("b1", shelf.Save([[1, 2, 3], [4, 5]]));
        Assert.Equal("b2", shelf.Save([[-1, 0.5f, 7], [8, 9]]));
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
    public void WithoutAFolderTheShelfKeepsItsPointsInMemory()
    {
        var shelf = new BookmarkShelf(null, Sizes, _notices.Add);
        shelf.Save([[1, 2, 3], [4, 5]]);
        Assert.Single(shelf.All);
        Assert.Null(new BookmarkShelf(null, Sizes, _notices.Add).Next());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
