using LvaeLive.Host.Talks;
using LvaeLive.Host.Tests.Recording;

namespace LvaeLive.Host.Tests.Talks;

/// <summary>docs/talks.md is what the reader's own declarations say, and every example in it reads.</summary>
public sealed class TalkReferenceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void DocsTalksMdIsWhatTheDeclarationsSay()
    {
        var path = Path.Combine(LvaeProcess.RepositoryRoot, TalkReference.DocsPath);
        Assert.True(File.ReadAllText(path) == TalkReference.Markdown(),
            $"{TalkReference.DocsPath} differs from the step keys' declarations: write it again with `lvae talk keys > {TalkReference.DocsPath}`");
    }

    [Fact]
    public void EveryKeyIsListedAndItsExampleReadsAsAStep()
    {
        var keys = TalkFile.Keys.ToArray();
        Assert.Contains(keys, key => key.Name == "notes");
        Assert.Equal(keys.Length, keys.Select(key => key.Name).Distinct().Count());
        foreach (var key in keys)
        {
            File.WriteAllText(_folder["talk.toml"], $"[[step]]\n{key.Example}\n");
            // Throws, naming the key's place, when the declared example is not a value the reader takes.
            Assert.Single(TalkFile.Load(_folder["talk.toml"], new TalkFile.Limits(5, 64, 100, Bookmarks: null)).Steps);
            Assert.Contains($"`{key.Example}`", TalkReference.Markdown());
        }
    }

    public void Dispose() => _folder.Dispose();
}
