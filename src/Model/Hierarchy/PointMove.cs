namespace LvaeLive.Model.Hierarchy;

/// <summary>How a move eases from start to end: at constant speed, or starting and ending at rest.</summary>
public enum Easing { Linear, Smooth }

/// <summary>
/// A point set on one tile by a talk step or a recall, reached by an eased walk in noise space from where the tile
/// was: every layer the move sets goes from its old noise to its new one, the other layers keep theirs. Once there,
/// the move keeps holding the tile at the point.
/// </summary>
public sealed class PointMove
{
    private readonly NoiseGrid _from;
    private readonly NoiseGrid _to;
    private readonly bool[] _layers;
    private TimeSpan _start;
    private double _seconds;
    private Easing _easing;

    public PointMove(IReadOnlyList<int> sizes)
    {
        _from = new NoiseGrid(sizes, 1);
        _to = new NoiseGrid(sizes, 1);
        _layers = new bool[sizes.Count];
    }

    /// <summary>The tile held, or null when the move is released.</summary>
    public int? Tile { get; private set; }

    /// <summary>
    /// Starts a move of <paramref name="tile"/> from <paramref name="from"/> (the tile as shown now) to the layers of
    /// <paramref name="target"/> flagged in <paramref name="layers"/>, over <paramref name="seconds"/> from <paramref name="now"/>.
    /// </summary>
    public void Start(int tile, NoiseGrid from, int fromTile, NoiseGrid target, IReadOnlyList<bool> layers, TimeSpan now, double seconds, Easing easing)
    {
        if (seconds < 0) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "a move cannot take negative time");
        _from.CopyPoint(from, fromTile, 0);
        _to.CopyPoint(target, 0, 0);
        for (var i = 0; i < _layers.Length; i++) _layers[i] = layers[i];
        (Tile, _start, _seconds, _easing) = (tile, now, seconds, easing);
    }

    public void Release() => Tile = null;

    /// <summary>Whether the move is still under way at <paramref name="now"/>.</summary>
    public bool Moving(TimeSpan now) => Tile is not null && (now - _start).TotalSeconds < _seconds;

    /// <summary>Writes the moved layers at <paramref name="now"/> into <paramref name="tile"/> of <paramref name="grid"/>.</summary>
    public void ApplyTo(NoiseGrid grid, int tile, TimeSpan now)
    {
        if (Tile is null) return;
        var t = _seconds <= 0 ? 1 : Math.Clamp((now - _start).TotalSeconds / _seconds, 0, 1);
        var eased = (float)(_easing == Easing.Smooth ? t * t * (3 - 2 * t) : t);
        for (var layer = 0; layer < _layers.Length; layer++)
        {
            if (!_layers[layer]) continue;
            var (from, to) = (_from.Layer(layer), _to.Layer(layer));
            var target = grid.Of(layer, tile);
            for (var d = 0; d < target.Length; d++) target[d] = from[d] + eased * (to[d] - from[d]);
        }
    }
}
