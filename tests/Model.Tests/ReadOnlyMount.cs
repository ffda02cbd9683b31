using System.Diagnostics;

namespace LvaeLive.Model.Tests;

/// <summary>
/// A real read-only filesystem: a small tmpfs mounted on a fresh folder, filled by the test, then remounted read-only,
/// so that writes and renames fail with "Read-only file system" even for root (file permissions do not stop root).
/// </summary>
internal sealed class ReadOnlyMount : IDisposable
{
    public ReadOnlyMount(Action<string> fill)
    {
        Path = Directory.CreateTempSubdirectory("lvae-readonly-").FullName;
        Tool("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", Path);
        fill(Path);
        Tool("mount", "-o", "remount,ro", Path);
    }

    public string Path { get; }

    /// <summary>Runs a tool that must succeed within 30 s (mount, mkfifo).</summary>
    public static void Tool(string name, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(name, arguments) { RedirectStandardError = true })!;
        Assert.True(process.WaitForExit(30_000), $"{name} did not finish in 30 s");
        Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        Tool("umount", Path);
        Directory.Delete(Path);
    }
}
