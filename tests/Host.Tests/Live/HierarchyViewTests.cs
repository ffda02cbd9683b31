using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using LvaeLive.Model.Training;
using LvaeLive.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Live;

/// <summary>A small model trained for a few epochs, once for every test of the hierarchy's views, with each layer's KL.</summary>
public sealed class TrainedRun : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public TrainedRun()
    {
        set_num_threads(1);
        Folder = _folder["run"];
        TinyRun.Checkpoint(Folder, steps: 400);
        using var model = CheckpointStore.LoadModel(Folder, CPU);
        using var images = TestImages.Prepare(TinyRun.Test.Take(1000), model.Config.Likelihood, CPU);
        Kl = ElboEvaluation.Evaluate(model, images).Kl;
    }

    public string Folder { get; }
    /// <summary>Each layer's KL on the test digits, in nats, bottom layer first.</summary>
    public double[] Kl { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>What the grid draws in the hierarchy's views of a trained model: tests on the digits handed to the tile shader.</summary>
public sealed class HierarchyViewTests : IClassFixture<TrainedRun>
{
    private const int Pixels = LvaeConfig.ImagePixels;
    /// <summary>Two digits differ visibly when their pixels differ by this much on average (grey levels 0 to 1).</summary>
    private const double Visible = 0.01;

    private readonly TrainedRun _run;

    public HierarchyViewTests(TrainedRun run) => _run = run;

    [Fact]
    public void TheStyleSwapsRowsOfDifferentClassesDifferAndSoDoAllItsColumns()
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { });
        session.Apply(LiveInput.ToMode(GridMode.StyleSwap));
        var digits = Frame(session);
        Assert.Equal(LatentScene.GridTiles * Pixels, digits.Length);
        const int n = LatentScene.GridColumns;
        // The first style swap shows the test digits after the reconstructions' and the interpolation's (its variant 1):
        // the rows take the upper layers of the first n of them.
        var rowLabels = side.TestLabels.AsSpan(LatentScene.ReconstructionPairs + StyleSwap.Digits, n).ToArray();
        for (var a = 0; a < n; a++)
            for (var b = a + 1; b < n; b++)
            {
                // The upper layers carry the digit's "what": two rows of the same class (two 1s among the row digits)
                // rightly look alike, so only rows of different classes must differ. Every pair of columns must.
                var rows = Enumerable.Range(0, n).Average(c => Difference(digits, a * n + c, b * n + c));
                var columns = Enumerable.Range(0, n).Average(r => Difference(digits, r * n + a, r * n + b));
                if (rowLabels[a] != rowLabels[b])
                    Assert.True(rows > Visible, $"rows {a} and {b} (a {rowLabels[a]} and a {rowLabels[b]}) differ by only {rows:F4} per pixel (KL {Kl()})");
                Assert.True(columns > Visible, $"columns {a} and {b} differ by only {columns:F4} per pixel (KL {Kl()})");
            }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EachExplorerRowOfALayerInUseChangesAcrossItsColumns(bool alongAxis)
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { });
        session.Apply(LiveInput.ToMode(GridMode.Explorer));
        if (alongAxis) session.Apply(new LiveInput(ViewAction.ToggleExplorerColumns));
        var digits = Frame(session);
        var depth = side.Config.Depth;
        Assert.Equal(LayerExplorer.Tiles(depth) * Pixels, digits.Length);
        Assert.Contains(alongAxis ? "PC1 steps" : "redraws", session.Frame.DigitsTitle);
        var used = 0;
        for (var layer = 0; layer < depth; layer++)
        {
            if (_run.Kl[layer] <= 0.1) continue;
            used++;
            var first = LayerExplorer.RowOf(layer, depth) * LayerExplorer.Columns;
            var change = Enumerable.Range(1, LayerExplorer.Columns - 1).Max(c => Difference(digits, first, first + c));
            Assert.True(change > Visible, $"layer {layer + 1} (KL {_run.Kl[layer]:F2}) changes its row by only {change:F4} per pixel");
        }
        Assert.True(used >= 2, $"the trained model uses only {used} layers (KL {Kl()}): the test shows too little");
    }

    [Fact]
    public void InterpolatingOneLayerDiffersFromInterpolatingEveryLayerAndBothMove()
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { });
        session.Apply(LiveInput.ToLayer(2));
        session.Apply(LiveInput.ToMode(GridMode.Interpolation));
        var alone = Frame(session).ToArray();
        Assert.Equal("Interpolation of L2 alone", session.Frame.DigitsTitle);
        session.Apply(LiveInput.ToMode(GridMode.InterpolationAll));
        var all = Frame(session);
        Assert.Equal("Interpolation of all layers", session.Frame.DigitsTitle);
        var last = LatentScene.GridTiles - 1;
        // The same two digits: both walks start from the first one.
        Assert.True(Difference(alone, 0, all, 0) < 1e-6, "the two walks start from different digits");
        Assert.True(Difference(alone, 0, alone, last) > Visible, "walking layer 2 alone changes nothing");
        Assert.True(Difference(alone, last, all, last) > Visible, "walking layer 2 alone ends where walking every layer does");
    }

    [Fact]
    public void AKeyForALayerTheModelLacksIsIgnoredAndTheHudSaysSo()
    {
        using var side = ModelSide.View(_run.Folder, TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { });
        Frame(session);
        session.Apply(LiveInput.ToLayer(7));
        Frame(session);
        Assert.Equal(0, session.Scene.Latent.SelectedLayer);
        Assert.Contains("no layer 7: this model has layers 1 to 3", session.Frame.Hud);
    }

    [Fact]
    public void AOneLayerModelsExplorerShowsItsSingleRow()
    {
        using var folder = new TemporaryFolder();
        var config = new LvaeConfig { LatentSizes = [4], HiddenSizes = [32] };
        using (var training = TrainingSession.Start(folder["run"], config, TinyRun.Options, TinyRun.Train, TinyRun.Test.Take(500), CPU))
        {
            for (var i = 0; i < 40; i++) training.StepOnce(_ => { });
            training.SaveOnStop(_ => { });
        }
        using var side = ModelSide.View(folder["run"], TinyRun.Test, CPU);
        var session = side.OpenSession(seed: 1, "cpu", _ => { });
        session.Apply(LiveInput.ToMode(GridMode.Explorer));
        var digits = Frame(session);
        Assert.Equal(LayerExplorer.Columns * Pixels, digits.Length);
        Assert.Equal("Explorer L1: redraws", session.Frame.DigitsTitle);
        Assert.True(Difference(digits, 0, digits, 1) > Visible, "the single row does not change");
    }

    private string Kl() => string.Join(" ", _run.Kl.Select(kl => kl.ToString("F2")));

    private static float[] Frame(LiveSession session)
    {
        session.Advance(new FrameClock(30).NextFrame());
        return session.Frame.Scene.Digits.ToArray();
    }

    private static double Difference(float[] digits, int a, int b) => Difference(digits, a, digits, b);

    private static double Difference(float[] first, int a, float[] second, int b)
    {
        double sum = 0;
        for (var i = 0; i < Pixels; i++) sum += Math.Abs(first[a * Pixels + i] - second[b * Pixels + i]);
        return sum / Pixels;
    }
}
