using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Host.Live;

/// <summary>The grids other than the walk: interpolation and style swap of test digits, and the layer explorer, with their titles.</summary>
internal sealed partial class LiveScene
{
    /// <summary>
    /// The grid's title: short enough for the panel at any size (the help has the keys). Made again only when what it
    /// names changes, since <see cref="Update"/> asks for it every frame.
    /// </summary>
    private string GridTitle()
    {
        var named = (View.Mode, View.SelectedLayer, _axesShown, HasMap: Map is not null);
        if (_gridTitle is { } made && made.Named == named) return made.Text;
        var depth = _sizes.Length;
        var split = StyleSwap.SplitFor(View.SelectedLayer, depth) + 1;
        var text = View.Mode switch
        {
            GridMode.Interpolation => $"Interpolation of L{View.SelectedLayer + 1} alone",
            GridMode.InterpolationAll => "Interpolation of all layers",
            GridMode.StyleSwap when depth == 1 => "Style swap: L1 cols",
            GridMode.StyleSwap => $"Style swap: {Layers(split + 1, depth)} rows, {Layers(1, split)} cols",
            GridMode.Explorer => $"Explorer {Layers(depth, 1)}: " + (_axesShown ? "PC1 steps" : Map is null ? "redraws (no map)" : "redraws"),
            _ => "Generated digits",
        };
        _gridTitle = (named, text);
        return text;
    }

    private static string Layers(int from, int to) => from == to ? $"L{from}" : $"L{from}-{to}";

    /// <summary>
    /// The interpolation or style swap of test digits chosen by the mode's variant, entered top-down as noise: the
    /// interpolation walks the selected layer (or every layer) from the first digit to the second; the style swap
    /// gives each row the upper layers of one digit and each column the lower layers of another.
    /// </summary>
    private void ComposeFromTestDigits()
    {
        var key = (View.ModeVariant, View.Mode, View.SelectedLayer);
        if (_composedFor == key) return;
        var count = StyleSwap.Digits;
        var spare = _testDigitCount - ReconstructionPairs - count;
        var first = ReconstructionPairs + View.ModeVariant * count % spare;
        _model.EncodeToNoise(_testDigits.AsMemory(first * Pixels, count * Pixels), count, _testPoints);
        if (View.Mode == GridMode.StyleSwap)
            StyleSwap.Compose(_testPoints, StyleSwap.SplitFor(View.SelectedLayer, _sizes.Length), _composed);
        else
            Interpolation.Compose(_testPoints, View.Mode == GridMode.Interpolation ? View.SelectedLayer : null, _composed);
        _composedFor = key;
    }

    /// <summary>The explorer's centre becomes the walk's selected tile as it is now, nudges included.</summary>
    private void TakeCentre()
    {
        for (var layer = 0; layer < _sizes.Length; layer++)
        {
            var point = _centre.Of(layer, 0);
            _walk.Of(layer, View.SelectedTile).CopyTo(point);
            var nudge = _walkNudges.Of(layer, View.SelectedTile);
            for (var d = 0; d < point.Length; d++) point[d] += nudge[d];
        }
    }

    /// <summary>
    /// The explorer's rows around its centre: the walk's moving noise as redraws, or steps along each layer's first
    /// map axis (converted into noise under the centre's priors), once a map is there.
    /// </summary>
    private void ComposeExplorer()
    {
        _model.Decode(_centre.Inputs, 1, _centreImage, _centreLatents, _centreScales);
        _axesShown = View.ExplorerColumns == ExplorerColumns.PrincipalAxis && Map is not null;
        if (!_axesShown)
        {
            LayerExplorer.ComposeRedraws(_centre, _walk, _explorer);
            return;
        }
        for (var layer = 0; layer < _sizes.Length; layer++)
        {
            var map = Map!.Layers[layer];
            Array.Clear(_axisSteps[layer]);
            NoiseSteering.MoveAlongMapAxis(map, 0, NoiseSteering.AxisSpread(map, 0), _centreScales[layer], _axisSteps[layer]);
        }
        LayerExplorer.ComposeAlongAxes(_centre, _axisSteps, _explorer);
    }
}
