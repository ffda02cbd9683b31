using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// A grid made of test digits entered top-down as noise: each entry of the mode takes the next
/// <see cref="StyleSwap.Digits"/> test digits after the reconstructed ones, and the grid is composed again only when
/// the digits, the selected layer or the weights change.
/// </summary>
internal abstract class TestDigitComposer : NudgedGridComposer
{
    private readonly NoiseGrid _digits;
    private readonly NoiseGrid _composed;
    private (int Variant, int Layer, int Generation)? _composedFor;

    protected TestDigitComposer(SceneContext scene) : base(scene)
    {
        _digits = new NoiseGrid(scene.Sizes, StyleSwap.Digits);
        _composed = new NoiseGrid(scene.Sizes, SceneContext.GridTiles);
    }

    public override bool DrawsWalk => false;
    public override bool SelectedWalks => false;
    protected override NoiseGrid Base => _composed;

    /// <summary>The first test digit of this entry's digits.</summary>
    protected int FirstDigit => Scene.VariantDigit(StyleSwap.Digits);

    public override void Enter() => Nudges.Clear();

    protected override void PrepareBase()
    {
        var key = (Scene.ModeVariant, Scene.SelectedLayer, Scene.WeightsGeneration);
        if (_composedFor == key) return;
        Scene.EncodeTestDigits(FirstDigit, StyleSwap.Digits, _digits);
        ComposeFrom(_digits, _composed);
        _composedFor = key;
    }

    /// <summary>Fills <paramref name="grid"/> from this entry's <paramref name="digits"/>.</summary>
    protected abstract void ComposeFrom(NoiseGrid digits, NoiseGrid grid);
}
