namespace LvaeLive.Model.Hierarchy;

/// <summary>
/// A walk in noise space from one digit to another across a grid's tiles: either one layer alone, with every other
/// layer keeping the first digit's noise (what that layer holds), or every layer at once.
/// </summary>
public static class Interpolation
{
    /// <param name="ends">The first two points: where the walk starts and where it ends.</param>
    /// <param name="layer">The layer that walks, or null for every layer.</param>
    /// <param name="grid">Tile t of its tiles is t / (tiles - 1) of the way.</param>
    public static void Compose(NoiseGrid ends, int? layer, NoiseGrid grid)
    {
        if (ends.Tiles < 2 || grid.Tiles < 2)
            throw new ArgumentException("an interpolation needs two ends and at least two tiles");
        for (var tile = 0; tile < grid.Tiles; tile++)
        {
            var t = tile / (float)(grid.Tiles - 1);
            for (var i = 0; i < grid.Depth; i++)
            {
                var target = grid.Of(i, tile);
                if (layer is { } walking && i != walking)
                {
                    ends.Of(i, 0).CopyTo(target);
                    continue;
                }
                var from = ends.Of(i, 0);
                var to = ends.Of(i, 1);
                for (var d = 0; d < target.Length; d++) target[d] = (1 - t) * from[d] + t * to[d];
            }
        }
    }
}
