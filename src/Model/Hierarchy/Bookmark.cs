namespace LvaeLive.Model.Hierarchy;

/// <summary>A named point of the hierarchy: every layer's noise, bottom layer first.</summary>
public sealed record Bookmark(string Name, float[][] Layers)
{
    public bool Fits(IReadOnlyList<int> sizes) => Layers.Length == sizes.Count && Layers.Select(l => l.Length).SequenceEqual(sizes);
}
