using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// Points set on the selected tile by a talk step, a recalled bookmark or the pointer: resolved with the current
/// weights, reached by an eased move in noise space from where the tile is shown, then held there. A held tile stops
/// walking in every layer (the layers a point does not set stay where they were), so that what it shows is what was
/// said of it; a step may let those layers walk on. Other tiles walk as before.
/// </summary>
public sealed partial class LatentScene
{
    private readonly NoiseGrid _requestedPoint;
    // Asked for between frames, started at the next from where the point is then.
    private (bool[] Layers, double Seconds, Easing Easing, bool WalkUnset)? _requestedMove;

    /// <summary>
    /// Moves the selected tile, from where it is shown at the next frame, to the layers that <paramref name="sources"/>
    /// set (null: the layer keeps its noise), over <paramref name="seconds"/>, and holds it there; in the explorer, its
    /// centre moves. Sources resolve now, with the current weights.
    /// </summary>
    /// <param name="walkUnset">The layers the sources leave unset walk on (a style that changes under a kept digit); by default they hold too.</param>
    /// <exception cref="ArgumentException">A source names a digit, class or bookmark that does not exist.</exception>
    public void MovePoint(IReadOnlyList<PointSource?> sources, BookmarkShelf bookmarks, double seconds, Easing easing, bool walkUnset = false)
    {
        if (sources.Count != Depth) throw new ArgumentException($"a point of this model sets {Depth} layers, not {sources.Count}");
        for (var layer = 0; layer < Depth; layer++)
            if (sources[layer] is { } source) _scene.Points.Resolve(source, layer, _requestedPoint.Of(layer, 0), bookmarks);
        _requestedMove = (sources.Select(source => source is not null).ToArray(), seconds, easing, walkUnset);
    }

    /// <summary>
    /// Holds the selected point where it is shown now, where it would otherwise walk on (the walk's tiles): a point the
    /// pointer put somewhere stays there.
    /// </summary>
    private void HoldSelected()
    {
        if (!_composer.SelectedWalks) return;
        var (from, tile) = _composer.MoveOrigin;
        for (var layer = 0; layer < Depth; layer++) from.Of(layer, tile).CopyTo(_requestedPoint.Of(layer, 0));
        _requestedMove = (Enumerable.Repeat(true, Depth).ToArray(), 0, Easing.Linear, false);
    }

    /// <summary>Lets a held tile walk on its paths again; false when no tile is held.</summary>
    public bool ReleaseHold()
    {
        if (Move.Tile is null) return false;
        Move.Release();
        return true;
    }

    /// <summary>The tile held at a point, or null.</summary>
    public int? HeldTile => Move.Tile;

    private PointMove Move => _scene.Move;

    /// <summary>
    /// Starts a requested move from where the selected point is now, then writes the held tile's moved layers over the
    /// walk every frame; the mode's composer follows where its selected point is elsewhere (the explorer's centre).
    /// </summary>
    private void MoveSetPoint(TimeSpan now)
    {
        var startsNow = _requestedMove is not null;
        if (_requestedMove is var (layers, seconds, easing, walkUnset))
        {
            if (Move.Tile is { } held) Move.ApplyTo(_scene.Walk, held, now);
            var (from, fromTile) = _composer.MoveOrigin;
            for (var layer = 0; layer < Depth && !walkUnset; layer++)
            {
                if (layers[layer]) continue;
                from.Of(layer, fromTile).CopyTo(_requestedPoint.Of(layer, 0));
                layers[layer] = true;
            }
            Move.Start(SelectedTile, from, fromTile, _requestedPoint, layers, now, seconds, easing);
            _requestedMove = null;
        }
        if (Move.Tile is not { } tile) return;
        Move.ApplyTo(_scene.Walk, tile, now);
        _composer.FollowMove(Move, now, startsNow);
    }
}
