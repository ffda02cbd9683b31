using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// A walk in noise space across the grid from one test digit to another: the selected layer alone (every other layer
/// keeps the first digit's noise, showing what that layer holds), or every layer at once.
/// </summary>
internal sealed class InterpolationComposer : TestDigitComposer
{
    private readonly bool _alone;
    private readonly TextCache<int, string> _title;
    private readonly TextCache<int, GridLabels> _labels;

    /// <param name="alone">The selected layer alone, or every layer.</param>
    public InterpolationComposer(SceneContext scene, bool alone) : base(scene)
    {
        _alone = alone;
        _title = new(layer => alone ? $"Interpolation of L{layer + 1} alone" : "Interpolation of all layers");
        _labels = new(first => new GridLabels([], [], First: Scene.DigitName(first), Last: Scene.DigitName(first + 1)));
    }

    public override GridMode Mode => _alone ? GridMode.Interpolation : GridMode.InterpolationAll;
    public override string Title => _title.For(Scene.SelectedLayer);
    /// <summary>The two ends: the digits the walk starts and ends at.</summary>
    public override GridLabels Labels => _labels.For(FirstDigit);

    protected override void ComposeFrom(NoiseGrid digits, NoiseGrid grid) =>
        Interpolation.Compose(digits, _alone ? Scene.SelectedLayer : null, grid);
}
