namespace LvaeLive.Model.Training;

/// <summary>
/// A run's seed (--seed) starts three random streams, each a generator of its own, so that none shifts another and
/// none depends on what else in the process drew from libtorch's global generator: the initial weights, each epoch's
/// binarization and order, and the posterior samples of each step.
/// </summary>
public static class RunSeeds
{
    public static ulong Data(int seed) => (ulong)seed;
    public static ulong Noise(int seed) => (ulong)seed + 1;
    public static ulong Weights(int seed) => (ulong)seed + 2;
}
