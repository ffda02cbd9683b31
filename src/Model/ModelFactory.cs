using static TorchSharp.torch;

namespace LvaeLive.Model;

public static class ModelFactory
{
    /// <summary>
    /// A new model whose initial weights are drawn from a generator of its own, seeded with <paramref name="seed"/>:
    /// the same seed gives bit-identical weights in any process, and libtorch's global generator is neither read nor
    /// advanced. A training run passes <see cref="Training.RunSeeds.Weights"/> of its --seed.
    /// </summary>
    public static HierarchicalModel Create(LvaeConfig config, ulong seed)
    {
        using var weights = new Generator(seed);
        return Build(config, weights);
    }

    /// <summary>A model of <paramref name="config"/>'s shape whose weights are loaded next (a checkpoint, a snapshot): they start as zeros, and nothing random is drawn.</summary>
    public static HierarchicalModel ForLoading(LvaeConfig config) => Build(config, weights: null);

    private static HierarchicalModel Build(LvaeConfig config, Generator? weights) => config.Kind switch
    {
        ModelKind.Lvae => new LadderVae(config, weights),
        ModelKind.Vae => new HierarchicalVae(config, weights),
        _ => throw new ArgumentException($"unknown model kind {config.Kind}"),
    };
}
