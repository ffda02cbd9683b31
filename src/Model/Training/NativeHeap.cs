using System.Runtime.InteropServices;

namespace LvaeLive.Model.Training;

/// <summary>
/// Keeps glibc's malloc from handing libtorch's activations back to the kernel between steps. A step allocates and
/// frees hundreds of tensors of 0.1 to 3 MB; by default glibc maps each of those over 128 KB afresh (mmap) and trims
/// the heap's free top, so every step faults its memory in again and the kernel zeroes it page by page: about a
/// tenth of the forward pass in `perf`. With a fixed mapping threshold of 32 MB and a trim threshold of 128 MB, the freed
/// blocks are reused instead. It affects only how freed memory is kept, never a result.
/// </summary>
public static partial class NativeHeap
{
    // glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>Sets the thresholds; does nothing where the C library is not glibc (mallopt then leaves them as they are).</summary>
    public static void KeepFreedBlocks()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // mallopt returns 0 for an option it refuses: then the defaults stay, and only speed is lost.
            MallOpt(MmapThreshold, 32 << 20);
            MallOpt(TrimThreshold, 128 << 20);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt (not glibc): its own allocator's defaults stay.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
