using System.Runtime.InteropServices;

namespace LvaeLive.Files;

/// <summary>
/// Whether a path is a regular file that may be read whole, asked before it is opened: opening a FIFO blocks until a
/// writer comes, a device such as /dev/zero never ends, and a directory is not "not found". .NET's FileInfo cannot
/// tell a FIFO or a device from a file, so this asks the kernel with statx, whose layout is the same on every Linux
/// architecture.
/// </summary>
public static partial class RegularFile
{
    /// <summary>
    /// Null when <paramref name="path"/> (links followed) is a regular file of at most <paramref name="maxBytes"/>, or
    /// cannot be examined (the open that follows then says why); otherwise what it is, completing "PATH ...".
    /// </summary>
    public static string? Problem(string path, long maxBytes = long.MaxValue)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var status = new byte[StatxBytes];
        if (Statx(AtCurrentFolder, path, 0, StatxType | StatxSize, status) != 0) return null;
        var type = BitConverter.ToUInt16(status, ModeOffset) & TypeMask;
        var size = BitConverter.ToInt64(status, SizeOffset);
        return type switch
        {
            RegularType when size > maxBytes => $"is {size} bytes",
            RegularType => null,
            0x4000 => "is a directory",
            0x1000 => "is a FIFO (a named pipe), not a regular file",
            0x2000 => "is a character device, not a regular file",
            0x6000 => "is a block device, not a regular file",
            _ => "is not a regular file",
        };
    }

    // struct statx (linux/stat.h): 256 bytes; stx_mode is a u16 at 28, stx_size a u64 at 40.
    private const int StatxBytes = 256, ModeOffset = 28, SizeOffset = 40;
    private const int AtCurrentFolder = -100, StatxType = 0x1, StatxSize = 0x200, TypeMask = 0xF000, RegularType = 0x8000;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, [Out] byte[] status);
}
