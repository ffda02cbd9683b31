namespace LvaeLive.Model;

public static class ModelFactory
{
    public static HierarchicalModel Create(LvaeConfig config) => config.Kind switch
    {
        ModelKind.Lvae => new LadderVae(config),
        ModelKind.Vae => new HierarchicalVae(config),
        _ => throw new ArgumentException($"unknown model kind {config.Kind}"),
    };
}
