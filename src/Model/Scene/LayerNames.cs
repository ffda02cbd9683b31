namespace LvaeLive.Model.Scene;

/// <summary>How titles and labels name layers: L1 is z_1, the bottom one.</summary>
internal static class LayerNames
{
    /// <summary>Layers <paramref name="from"/> to <paramref name="to"/> (1-based), as "L3" or "L5-1".</summary>
    public static string Range(int from, int to) => from == to ? $"L{from}" : $"L{from}-{to}";
}
