namespace LvaeLive.Host.Tests.Recording;

/// <summary>
/// A real, nearly full filesystem: a tmpfs of a few KiB mounted on a fresh folder, so that writes fail with "No space
/// left on device" as they do on a full disk. Mounting needs root, which CI has; elsewhere the test fails saying so.
/// </summary>
internal sealed class FullFilesystem : IDisposable
{
    private readonly TemporaryFolder _mountPoint = new();

    public FullFilesystem(int kibibytes = 4)
    {
        Assert.True(Environment.UserName == "root", "a full filesystem is a tmpfs mount, which needs root: run these tests as root (CI does)");
        ExternalTools.Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", _mountPoint.Path);
    }

    public string Path => _mountPoint.Path;

    public string this[string name] => _mountPoint[name];

    public void Dispose()
    {
        ExternalTools.Run("umount", _mountPoint.Path);
        _mountPoint.Dispose();
    }
}
