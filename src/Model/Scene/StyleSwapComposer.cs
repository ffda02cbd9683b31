using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Model.Scene;

/// <summary>
/// The style swap: row r takes the layers above the split from one test digit ("what"), column c the split layer and
/// those below from another ("how"); the split follows the selected layer.
/// </summary>
internal sealed class StyleSwapComposer : TestDigitComposer
{
    private readonly TextCache<int, string> _title;
    private readonly TextCache<int, GridLabels> _labels;

    public StyleSwapComposer(SceneContext scene) : base(scene)
    {
        _title = new(MakeTitle);
        _labels = new(first =>
        {
            var (rows, columns) = (Enumerable.Range(first, StyleSwap.Columns).ToArray(), Enumerable.Range(first + StyleSwap.Columns, StyleSwap.Columns).ToArray());
            return new GridLabels(rows.Select(Scene.DigitName).ToArray(), columns.Select(Scene.DigitName).ToArray()) { RowDigits = rows, ColumnDigits = columns };
        });
    }

    public override GridMode Mode => GridMode.StyleSwap;
    public override string Title => _title.For(Split);
    /// <summary>Row heads name the digits whose upper layers the rows keep; column heads those whose lower layers the columns keep.</summary>
    public override GridLabels Labels => _labels.For(FirstDigit);

    private int Split => StyleSwap.SplitFor(Scene.SelectedLayer, Scene.Depth);

    protected override void ComposeFrom(NoiseGrid digits, NoiseGrid grid) => StyleSwap.Compose(digits, Split, grid);

    private string MakeTitle(int split)
    {
        var depth = Scene.Depth;
        return depth == 1 ? "Style swap: L1 cols" : $"Style swap: {LayerNames.Range(split + 2, depth)} rows, {LayerNames.Range(1, split + 1)} cols";
    }
}
