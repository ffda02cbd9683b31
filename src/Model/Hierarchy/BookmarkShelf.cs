using System.Text.Json;
using LvaeLive.Files;

namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// The bookmarks of one run, kept in its folder (<see cref="FileName"/>) so that talks can name them. A save takes the
/// next free name (b1, b2, ...); a recall goes through them in turn. A file that cannot be read, or that holds points
/// of another model's shape or values that are not finite, is set aside under a new name with a notice, never
/// overwritten or lost silently. Where the folder cannot be written, bookmarks are kept for the session, with a notice:
/// a bookmark is never worth ending a show for.
/// </summary>
public sealed class BookmarkShelf
{
    public const string FileName = "bookmarks.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file; null keeps the bookmarks in memory (no folder, or one whose file could be neither read nor set aside).</summary>
    private readonly string? _path;
    private readonly int[] _sizes;
    private readonly List<Bookmark> _bookmarks = [];
    private int _recalled = -1;

    /// <param name="runFolder">Where the file lives; null keeps the bookmarks in memory only.</param>
    public BookmarkShelf(string? runFolder, IReadOnlyList<int> sizes, Action<string> notice)
    {
        _sizes = [.. sizes];
        _path = runFolder is null ? null : Path.Combine(runFolder, FileName);
        if (_path is null || !Path.Exists(_path)) return;
        // A pipe would block the read and a folder cannot be replaced by the file: neither is opened, nor written later.
        if (RegularFile.Problem(_path) is { } problem)
        {
            notice($"bookmarks: {_path} {problem}; this session's bookmarks are kept in memory only");
            _path = null;
            return;
        }
        try
        {
            var read = JsonSerializer.Deserialize<Bookmark[]>(File.ReadAllText(_path), Json)
                ?? throw new JsonException("it holds null");
            if (read.FirstOrDefault(b => b.Name is null || b.Layers is null || b.Layers.Any(l => l is null) || !b.Fits(_sizes)) is { } wrong)
                throw new JsonException($"bookmark '{wrong.Name}' does not fit a model of layers {string.Join(",", _sizes)}");
            // A number beyond float's range reads as infinity, which no point can be and JSON cannot write back.
            if (read.FirstOrDefault(b => b.Layers.Any(l => l.Any(v => !float.IsFinite(v)))) is { } infinite)
                throw new JsonException($"bookmark '{infinite.Name}' holds a value that is not a finite float");
            _bookmarks.AddRange(read);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            var unread = $"bookmarks: {_path} could not be read ({e.Message})";
            try
            {
                notice($"{unread}; it was moved to {SetAside(_path)} and the run starts without bookmarks");
            }
            catch (Exception moving) when (moving is IOException or UnauthorizedAccessException)
            {
                // A read-only folder: the file stays as it is, and is not overwritten either.
                notice($"{unread} and could not be set aside ({moving.Message}); the run starts without bookmarks and keeps new ones in memory only");
                _path = null;
            }
        }
    }

    public IReadOnlyList<Bookmark> All => _bookmarks;

    public Bookmark? Find(string name) => _bookmarks.FirstOrDefault(b => b.Name == name);

    /// <summary>
    /// Saves <paramref name="layers"/> under the next free name and writes the file. A file that cannot be written
    /// leaves the bookmark in memory, and the result says why.
    /// </summary>
    public SavedBookmark Save(float[][] layers)
    {
        // One pass over the names: a search per candidate name was quadratic, and froze the view with many bookmarks.
        var taken = _bookmarks.Select(b => b.Name).ToHashSet();
        var number = 1;
        while (taken.Contains($"b{number}")) number++;
        var bookmark = new Bookmark($"b{number}", layers.Select(l => l.ToArray()).ToArray());
        _bookmarks.Add(bookmark);
        if (_path is null) return new SavedBookmark(bookmark.Name, null);
        try
        {
            // A shelf of a folder not made yet (the shipped model's, under runs/) makes it with its first bookmark.
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
            AtomicFile.Write(_path, stream => JsonSerializer.Serialize(stream, _bookmarks, Json));
            return new SavedBookmark(bookmark.Name, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new SavedBookmark(bookmark.Name, $"{_path} could not be written ({e.Message})");
        }
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
        while (Path.Exists(aside = $"{path}.unreadable-{number}")) number++;
        File.Move(path, aside);
        return aside;
    }
}

/// <summary>A bookmark just saved: its name, and why it is kept in memory only (null when the run folder holds it).</summary>
public sealed record SavedBookmark(string Name, string? Unwritten)
{
    /// <summary>What the view says after a save.</summary>
    public string Notice => Unwritten is null
        ? $"bookmarked the selected point as {Name}"
        : $"bookmarked the selected point as {Name} for this session only: {Unwritten}";
}
