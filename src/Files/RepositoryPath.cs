namespace LvaeLive.Files;

/// <summary>
/// Finds a folder that ships with the repository (data/mnist, models/...) from wherever `lvae` is started: under the
/// working folder, or else under the first folder above the program that has it (the repository the program was
/// built in).
/// </summary>
public static class RepositoryPath
{
    /// <summary>The folder's path, or <paramref name="relative"/> itself when neither place has it (so that the error
    /// that follows names the path the user would expect).</summary>
    public static string Locate(string relative)
    {
        if (Directory.Exists(relative)) return relative;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        return relative;
    }
}
