using System.Text.Json;
using LvaeLive.Files;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// The bookmarks of one run, kept in its folder (<see cref="FileName"/>) so that talks can name them. A save takes the
/// next free name (b1, b2, ...); a recall goes through them in turn. A file that cannot be read, or that holds points
/// of another model's shape, is set aside under a new name with a notice, never overwritten or lost silently.
/// </summary>
public sealed class BookmarkShelf
{
    public const string FileName = "bookmarks.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string? _path;
    private readonly int[] _sizes;
    private readonly List<Bookmark> _bookmarks = [];
    private int _recalled = -1;

    /// <param name="runFolder">Where the file lives; null keeps the bookmarks in memory only.</param>
    public BookmarkShelf(string? runFolder, IReadOnlyList<int> sizes, Action<string> notice)
    {
        _sizes = [.. sizes];
        _path = runFolder is null ? null : Path.Combine(runFolder, FileName);
        if (_path is null || !File.Exists(_path)) return;
        try
        {
            var read = JsonSerializer.Deserialize<Bookmark[]>(File.ReadAllText(_path), Json)
                ?? throw new JsonException("it holds null");
            if (read.FirstOrDefault(b => b.Name is null || b.Layers is null || b.Layers.Any(l => l is null) || !b.Fits(_sizes)) is { } wrong)
                throw new JsonException($"bookmark '{wrong.Name}' does not fit a model of layers {string.Join(",", _sizes)}");
            _bookmarks.AddRange(read);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            var aside = SetAside(_path);
            notice($"bookmarks: {_path} could not be read ({e.Message}); it was moved to {aside} and the run starts without bookmarks");
        }
    }

    public IReadOnlyList<Bookmark> All => _bookmarks;

    public Bookmark? Find(string name) => _bookmarks.FirstOrDefault(b => b.Name == name);

    /// <summary>Saves <paramref name="layers"/> under the next free name and writes the file; returns the name.</summary>
    public string Save(float[][] layers)
    {
        var number = 1;
        while (Find($"b{number}") is not null) number++;
        var bookmark = new Bookmark($"b{number}", layers.Select(l => l.ToArray()).ToArray());
        _bookmarks.Add(bookmark);
        if (_path is not null)
        {
            // A shelf of a folder not made yet (the shipped model's, under runs/) makes it with its first bookmark.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            AtomicFile.Write(_path, stream => JsonSerializer.Serialize(stream, _bookmarks, Json));
        }
        return bookmark.Name;
    }

    /// <summary>The next bookmark in turn, or null when there is none.</summary>
    public Bookmark? Next()
    {
        if (_bookmarks.Count == 0) return null;
        _recalled = (_recalled + 1) % _bookmarks.Count;
        return _bookmarks[_recalled];
    }

    private static string SetAside(string path)
    {
        var number = 1;
        string aside;
        while (File.Exists(aside = $"{path}.unreadable-{number}")) number++;
        File.Move(path, aside);
        return aside;
    }
}
