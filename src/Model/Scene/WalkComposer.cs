using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// The animated walk: every tile's noise follows its own looping paths (the top layers slowest), plus the user's
/// nudges, which stay while the view goes to other modes and back.
/// </summary>
internal sealed class WalkComposer(SceneContext scene) : NudgedGridComposer(scene)
{
    public override GridMode Mode => GridMode.Walk;
    public override bool DrawsWalk => true;
    public override bool SelectedWalks => true;
    public override string Title => "Generated digits";
    public override GridLabels Labels => GridLabels.None;
    protected override NoiseGrid Base => Scene.Walk;

    public override void Enter() { }

    protected override void PrepareBase() { }

    /// <summary>Tile <paramref name="tile"/> as the walk shows it now, nudge included, into point 0 of <paramref name="into"/>.</summary>
    public void CopyShown(int tile, NoiseGrid into)
    {
        for (var layer = 0; layer < Scene.Depth; layer++)
        {
            var point = into.Of(layer, 0);
            var walk = Scene.Walk.Of(layer, tile);
            var nudge = Nudges.Of(layer, tile);
            for (var d = 0; d < point.Length; d++) point[d] = walk[d] + nudge[d];
        }
    }
}
