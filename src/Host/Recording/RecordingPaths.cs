namespace LvaeLive.Host.Recording;

/// <summary>Where a recording goes: a bare file name lands in `recordings/`; a path with a folder is used as given.</summary>
internal static class RecordingPaths
{
    public static string Resolve(string path) => Path.GetFullPath(
        string.IsNullOrEmpty(Path.GetDirectoryName(path)) ? Path.Combine(RecorderOptions.DefaultFolder, path) : path);
}
