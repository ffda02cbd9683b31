using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

public static class DeviceChoice
{
    /// <summary>auto: CUDA when libtorch sees a GPU, else the CPU; cpu; cuda (an error when there is none).</summary>
    public static Device Resolve(string choice) => choice switch
    {
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new PlatformNotSupportedException("--device cuda: libtorch sees no CUDA device; this build uses libtorch-cpu (build with -p:TorchBackend=cuda on a machine with CUDA), or pass --device cpu"),
        _ => throw new ArgumentException($"unknown device '{choice}'; use auto, cpu or cuda"),
    };
}
