using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Benchmarks;

/// <summary>
/// The machine's own dense matrix-multiply rate, measured in the same run as what is compared with it: on a shared,
/// noisy machine only a ratio to it means anything from one run to the next.
/// </summary>
public static class MatmulRate
{
    public const int Side = 2048;

    /// <summary>FLOP/s of a square float32 matrix product, the most this machine's libtorch does.</summary>
    public static double Measure(Device device, int repeats)
    {
        using var a = randn(Side, Side, device: device);
        using var b = randn(Side, Side, device: device);
        var seconds = Timing.Median(() => { using var c = a.mm(b); Synchronize(device); }, repeats);
        return 2.0 * Side * Side * Side / seconds;
    }

    /// <summary>Waits for the device's queued work, so that timings cover it.</summary>
    public static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
