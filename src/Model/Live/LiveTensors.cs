using static TorchSharp.torch;

namespace LvaeLive.Model.Live;

/// <summary>How many tensors the process holds now, on every thread: flat over a long run unless something leaks.</summary>
public static class LiveTensors
{
    public static long Count => Tensor.TotalCount;
}
