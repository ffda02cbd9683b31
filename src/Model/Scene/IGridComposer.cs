using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// One grid mode: it owns its state (nudges, the digits it is made of, a centre), turns the scene into the points to
/// decode, and says which tile is the selected point, what the grid is called and how its rows, columns and ends are
/// labelled. A mode is added by adding a composer; the scene never switches on the mode.
/// </summary>
public interface IGridComposer
{
    GridMode Mode { get; }

    /// <summary>Whether the mode shows the walk's noise, so that the scene draws it this frame.</summary>
    bool DrawsWalk { get; }

    /// <summary>Whether the selected point moves on by itself (the walk's tiles), so that a point put there must be held.</summary>
    bool SelectedWalks { get; }

    /// <summary>Columns of the grid it composes.</summary>
    int Columns { get; }

    /// <summary>The tile drawn with a highlight: the selected point, or the selected layer's row.</summary>
    int Highlight { get; }

    string Title { get; }

    GridLabels Labels { get; }

    /// <summary>The layer that tile <paramref name="tile"/> stands for, where the grid's rows are layers (a click selects it); null where tiles are points.</summary>
    int? LayerOfTile(int tile);

    /// <summary>The mode is entered: it starts clean (new digits, no nudges, a centre taken from the walk).</summary>
    void Enter();

    /// <summary>Another tile was selected.</summary>
    void TileSelected();

    /// <summary>The points to decode this frame, every layer given as noise.</summary>
    NoiseGrid Compose();

    /// <summary>The selected point's noise in <paramref name="layer"/> that steering moves (a nudge, or the point itself).</summary>
    Span<float> Steered(int layer);

    /// <summary>The selected point's image as last decoded (784 floats).</summary>
    ReadOnlyMemory<float> SelectedImage { get; }

    /// <summary>The selected point's noise in <paramref name="layer"/> as last composed.</summary>
    ReadOnlySpan<float> SelectedNoise(int layer);

    /// <summary>The selected point's z_i in <paramref name="layer"/>, as last decoded.</summary>
    ReadOnlySpan<float> SelectedLatent(int layer);

    /// <summary>The selected point's prior scale sigma_p in <paramref name="layer"/>, as last decoded.</summary>
    ReadOnlySpan<float> SelectedScale(int layer);

    /// <summary>Makes the selected point show <paramref name="noise"/> in <paramref name="layer"/> from the next frame on.</summary>
    void SetSelected(int layer, ReadOnlySpan<float> noise);

    /// <summary>Where a move of the selected point starts: the grid and tile its moved layers are written into.</summary>
    (NoiseGrid Grid, int Tile) MoveOrigin { get; }

    /// <summary>A held move wrote the walk's tile this frame; a mode whose selected point is elsewhere follows it.</summary>
    void FollowMove(PointMove move, TimeSpan now, bool startsNow);
}
