using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// A walk in noise space across the grid from one test digit to another of a different class: the selected layer
/// alone (every other layer keeps the first digit's noise, showing what that layer holds), or every layer at once.
/// </summary>
internal sealed class InterpolationComposer : TestDigitComposer
{
    private readonly bool _alone;
    private readonly NoiseGrid _ends;
    private readonly TextCache<int, string> _title;
    private readonly TextCache<(int, int), GridLabels> _labels;
    private (int First, int Last) _endDigits;

    /// <param name="alone">The selected layer alone, or every layer.</param>
    public InterpolationComposer(SceneContext scene, bool alone) : base(scene)
    {
        _alone = alone;
        _ends = new NoiseGrid(scene.Sizes, 2);
        _title = new(layer => alone ? $"Interpolation of L{layer + 1} alone" : "Interpolation of all layers");
        _labels = new(ends => new GridLabels([], [], First: Scene.DigitName(ends.Item1), Last: Scene.DigitName(ends.Item2)));
    }

    public override GridMode Mode => _alone ? GridMode.Interpolation : GridMode.InterpolationAll;
    public override string Title => _title.For(Scene.SelectedLayer);
    /// <summary>The two ends: the digits the walk starts and ends at.</summary>
    public override GridLabels Labels => _labels.For(_endDigits);

    protected override void ComposeFrom(NoiseGrid digits, NoiseGrid grid)
    {
        // Both interpolations choose their ends for the selected layer, so that going between them compares one
        // layer's walk with every layer's between the same two digits.
        var first = ChooseEnd(digits, Scene.SelectedLayer, except: -1);
        var last = _alone
            ? ChooseLastAlone(digits, first, Scene.SelectedLayer)
            : ChooseEnd(digits, Scene.SelectedLayer, except: Scene.TestLabels[FirstDigit + first]);
        _ends.CopyPoint(digits, first, 0);
        _ends.CopyPoint(digits, last, 1);
        _endDigits = (FirstDigit + first, FirstDigit + last);
        Interpolation.Compose(_ends, _alone ? Scene.SelectedLayer : null, grid);
    }

    /// <summary>
    /// The entry's digit (not of class <paramref name="except"/>) whose layers below <paramref name="walked"/> hold the
    /// least noise: its class is carried by the walked layer and those above, rather than pinned by its lower layers'
    /// own noise, which a walk of that layer alone keeps (measured on the shipped model: the top layer's walk between
    /// an entry's first two digits ended in the second's class in 3 of 8 entries, between these in 6 of 8).
    /// </summary>
    private int ChooseEnd(NoiseGrid digits, int walked, int except) =>
        Enumerable.Range(0, digits.Tiles).Where(i => Scene.TestLabels[FirstDigit + i] != except).MinBy(i => NoiseBelow(digits, i, walked));

    /// <summary>
    /// The far end of a walk of <paramref name="walked"/> alone: among the entry's digits of another class than the
    /// first's, the one that the walk's last tile (the first digit's noise, with <paramref name="walked"/>'s taken from
    /// it) draws most like the digit itself, in pixels. Which class a layer's noise carries depends on the layers it
    /// lands on: on the 300-epoch model, the top layer of a 4 over the lower layers of a 1 drew a 9, and the picture
    /// then contradicted its label. Each candidate's end and its own picture are decoded once, when an entry starts.
    /// </summary>
    private int ChooseLastAlone(NoiseGrid digits, int first, int walked)
    {
        var candidates = Enumerable.Range(0, digits.Tiles).Where(i => Scene.TestLabels[FirstDigit + i] != Scene.TestLabels[FirstDigit + first]).ToArray();
        var pairs = new NoiseGrid(Scene.Sizes, 2 * candidates.Length);
        for (var c = 0; c < candidates.Length; c++)
        {
            pairs.CopyPoint(digits, first, 2 * c);
            pairs.CopyLayer(digits, candidates[c], 2 * c, walked);
            pairs.CopyPoint(digits, candidates[c], 2 * c + 1);
        }
        var images = new float[pairs.Tiles * LvaeConfig.ImagePixels];
        Scene.Model.Decode(pairs.Inputs, pairs.Tiles, images);
        return candidates[Enumerable.Range(0, candidates.Length).MinBy(c =>
        {
            var end = images.AsSpan(2 * c * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels);
            var own = images.AsSpan((2 * c + 1) * LvaeConfig.ImagePixels, LvaeConfig.ImagePixels);
            var distance = 0.0;
            for (var pixel = 0; pixel < end.Length; pixel++) distance += (end[pixel] - own[pixel]) * (end[pixel] - own[pixel]);
            return distance;
        })];
    }

    private static double NoiseBelow(NoiseGrid digits, int digit, int layer)
    {
        var energy = 0.0;
        for (var below = 0; below < layer; below++)
            foreach (var value in digits.Of(below, digit)) energy += value * value;
        return energy;
    }
}
