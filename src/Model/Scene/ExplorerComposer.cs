using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// The layer explorer: one row per layer around a centre, each row varying its layer alone: by the walk's moving
/// redraws, or, once a map is there, by even steps along the layer's first map axis (turned into noise under the
/// centre's priors). Steering moves the centre itself. The centre is the walk's selected tile when it was set or
/// steered (held) or selected in the explorer; otherwise a class's typical digit, which the classifier reads as that
/// class: a free tile of the walk is a draw from the prior, often between classes, and there the bottom layer's
/// redraws change the class of a quarter of its row (measured on the shipped model), against the caption.
/// </summary>
internal sealed class ExplorerComposer : IGridComposer
{
    private const int Pixels = LvaeConfig.ImagePixels;

    private readonly SceneContext _scene;
    private readonly WalkComposer _walk;
    private readonly NoiseGrid _centre;
    private readonly float[][] _centreLatents;
    private readonly float[][] _centreScales;
    private readonly float[] _centreImage = new float[Pixels];
    private readonly float[][] _axisSteps;
    private readonly NoiseGrid _grid;
    private readonly BookmarkShelf _noBookmarks;
    private readonly TextCache<(bool, bool), string> _title;
    private readonly TextCache<bool, GridLabels> _labels;
    private bool _axesShown;
    // The centre followed a move at the last frame: it takes the move's end once more.
    private bool _centreMoving;

    public ExplorerComposer(SceneContext scene, WalkComposer walk)
    {
        _scene = scene;
        _walk = walk;
        _centre = new NoiseGrid(scene.Sizes, 1);
        _centreLatents = scene.Sizes.Select(size => new float[size]).ToArray();
        _centreScales = scene.Sizes.Select(size => new float[size]).ToArray();
        _axisSteps = scene.Sizes.Select(size => new float[size]).ToArray();
        _grid = new NoiseGrid(scene.Sizes, LayerExplorer.Tiles(scene.Depth));
        _noBookmarks = new BookmarkShelf(null, scene.Sizes, _ => { });
        var layers = LayerNames.Range(scene.Depth, 1);
        _title = new(key => $"Explorer {layers}: " + (key.Item1 ? "PC1 steps" : key.Item2 ? "redraws" : "redraws (no map)"));
        var rows = Enumerable.Range(0, scene.Depth).Select(row => $"L{LayerExplorer.LayerOfRow(row, scene.Depth) + 1}").ToArray();
        _labels = new(axes => new GridLabels(rows, Enumerable.Range(0, LayerExplorer.Columns).Select(column => ColumnLabel(column, axes)).ToArray()));
    }

    public GridMode Mode => GridMode.Explorer;
    public bool DrawsWalk => true;
    /// <summary>The centre stands still; its redraws walk.</summary>
    public bool SelectedWalks => false;
    public int Columns => LayerExplorer.Columns;
    public int Highlight => LayerExplorer.RowOf(_scene.SelectedLayer, _scene.Depth) * LayerExplorer.Columns;
    public string Title => _title.For((_axesShown, _scene.Map is not null));
    /// <summary>Rows named by the layer they vary (top first); columns by their redraw, or their step along the axis.</summary>
    public GridLabels Labels => _labels.For(_axesShown);
    public (NoiseGrid Grid, int Tile) MoveOrigin => (_centre, 0);

    public int? LayerOfTile(int tile) => LayerExplorer.LayerOfRow(tile / LayerExplorer.Columns, _scene.Depth);

    public void Enter()
    {
        _centreMoving = false;
        if (_scene.Move.Tile == _scene.SelectedTile)
        {
            TakeCentre();
            return;
        }
        // Each entry shows another class: the class of the entry's first test digit, as the other modes' digits change.
        var typical = new PointSource.DigitClass(_scene.TestLabels[_scene.VariantDigit(1)]);
        for (var layer = 0; layer < _scene.Depth; layer++) _scene.Points.Resolve(typical, layer, _centre.Of(layer, 0), _noBookmarks);
    }

    public void TileSelected() => TakeCentre();

    public NoiseGrid Compose()
    {
        _scene.Model.Decode(_centre.Inputs, 1, _centreImage, _centreLatents, _centreScales);
        _axesShown = _scene.ExplorerColumns == ExplorerColumns.PrincipalAxis && _scene.Map is not null;
        if (!_axesShown)
        {
            LayerExplorer.ComposeRedraws(_centre, _scene.Walk, _grid);
            return _grid;
        }
        for (var layer = 0; layer < _scene.Depth; layer++)
        {
            var map = _scene.Map!.Layers[layer];
            Array.Clear(_axisSteps[layer]);
            NoiseSteering.MoveAlongMapAxis(map, 0, NoiseSteering.AxisSpread(map, 0), _centreScales[layer], _axisSteps[layer]);
        }
        LayerExplorer.ComposeAlongAxes(_centre, _axisSteps, _grid);
        return _grid;
    }

    public ReadOnlyMemory<float> SelectedImage => _centreImage;
    public Span<float> Steered(int layer) => _centre.Of(layer, 0);
    public ReadOnlySpan<float> SelectedNoise(int layer) => _centre.Of(layer, 0);
    public ReadOnlySpan<float> SelectedLatent(int layer) => _centreLatents[layer];
    public ReadOnlySpan<float> SelectedScale(int layer) => _centreScales[layer];
    public void SetSelected(int layer, ReadOnlySpan<float> noise) => noise.CopyTo(_centre.Of(layer, 0));

    /// <summary>The centre follows a move while it lasts, and keeps its end (and later nudges) after.</summary>
    public void FollowMove(PointMove move, TimeSpan now, bool startsNow)
    {
        if (startsNow || move.Moving(now) || _centreMoving) move.ApplyTo(_centre, 0, now);
        _centreMoving = move.Moving(now);
    }

    /// <summary>The centre becomes the walk's selected tile as it is now, nudges included.</summary>
    private void TakeCentre() => _walk.CopyShown(_scene.SelectedTile, _centre);

    private static string ColumnLabel(int column, bool axes) => axes
        ? FormattableString.Invariant($"{LayerExplorer.AxisPosition(column):+0.#;-0.#;0} SD")
        : column == 0 ? "centre" : $"draw {column}";
}
