using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>A frame whose labels, heads or race halves do not match its grid is refused before anything is drawn, saying why.</summary>
public sealed class GridLimitsTests
{
    [Fact]
    public void EveryModesFrameIsValidAloneAndInARace()
    {
        foreach (var mode in Enum.GetValues<GridMode>())
            foreach (var race in new[] { false, true })
                CanvasLimits.Validate(ProjectorFrames.Create(mode, caption: true, race, 1f));
    }

    [Theory]
    [InlineData("rows", "4 row labels for a grid of 5 rows; one a row, or none")]
    [InlineData("columns", "7 column labels for a grid of 8 columns; one a column, or none")]
    [InlineData("heads", "7 row heads and 8 column heads for 8 row and 8 column labels; one head image per labelled row and column")]
    [InlineData("one-sided heads", "heads for the rows but not the columns, or the columns but not the rows; a grid has both or neither")]
    [InlineData("rival", "11 rival reconstructions for 12; a race shows both models' reconstructions of the same inputs")]
    public void LabelsHeadsAndRivalReconstructionsThatDoNotMatchTheGridAreRefused(string fault, string message)
    {
        var frame = ProjectorFrames.Create(fault is "rows" or "columns" ? GridMode.Explorer : GridMode.StyleSwap, caption: false, race: fault == "rival", 1f);
        var scene = frame.Scene;
        switch (fault)
        {
            case "rows": scene.DigitRowLabels = scene.DigitRowLabels.Skip(1).ToArray(); break;
            case "columns": scene.DigitColumnLabels = scene.DigitColumnLabels.Skip(1).ToArray(); break;
            case "heads": scene.DigitRowHeads = scene.DigitRowHeads[784..]; break;
            case "one-sided heads": scene.DigitColumnHeads = default; break;
            case "rival": frame.Race.RivalReconstructions = frame.Race.RivalReconstructions[784..]; break;
        }
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => CanvasLimits.Validate(frame)).Message);
    }
}
