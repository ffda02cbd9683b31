using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;
using Xunit.Abstractions;

namespace LvaeLive.Model.Tests.Scene;

/// <summary>
/// Each grid mode's claim, as its caption and the README state it, measured with the project's classifier on the
/// shipped model at the mode's defaults, entered as a presenter would: what the audience sees must say what the
/// presenter says. Each test prints its figures (the README quotes them).
/// </summary>
public sealed class ModeClaimTests(ShippedScene shipped, ITestOutputHelper output) : IClassFixture<ShippedScene>
{
    /// <summary>Frames watched where tiles move: ten seconds, so that redraws are judged over time, not at one lucky frame.</summary>
    private const int Frames = 300;

    /// <summary>A scene shown for a second in the walk, then switched into <paramref name="mode"/> <paramref name="entries"/> times (each entry shows new digits).</summary>
    private LatentScene Entered(GridMode mode, int entries, ref TimeSpan now, int? layer = null)
    {
        var scene = shipped.NewScene();
        if (layer is { } key) scene.SelectLayer(key);
        shipped.Watch(scene, 30, ref now);
        for (var entry = 0; entry < entries; entry++)
        {
            if (entry > 0) scene.ToggleMode(mode);
            scene.ToggleMode(mode);
        }
        return scene;
    }

    [Fact]
    public void TheStyleSwapsRowsKeepTheirClassAndShowAtLeastFourClasses()
    {
        var now = TimeSpan.Zero;
        for (var entries = 1; entries <= 5; entries++)
        {
            var scene = Entered(GridMode.StyleSwap, entries, ref now);
            var classes = shipped.Watch(scene, 1, ref now)[0];
            var rows = Enumerable.Range(0, 8).Select(row => classes.Skip(8 * row).Take(8).ToArray()).ToArray();
            var majorities = rows.Select(row => row.GroupBy(c => c).MaxBy(g => g.Count())!.Key).ToArray();
            var kept = rows.Zip(majorities, (row, major) => row.Count(c => c == major)).Sum() / 64.0;
            output.WriteLine($"style swap, entry {entries}, {scene.Frame.Title}: {kept:P0} of tiles keep their row's class; rows show {string.Join(" ", majorities)}");
            if (entries > 1) continue;
            Assert.True(kept >= 0.9, $"only {kept:P0} of tiles keep their row's class");
            Assert.True(majorities.Distinct().Count() >= 4, $"the rows show {majorities.Distinct().Count()} classes");
        }
    }

    [Fact]
    public void TheExplorersTopRowChangesTheCentresClassAndItsBottomRowKeepsIt()
    {
        var now = TimeSpan.Zero;
        for (var entries = 1; entries <= 3; entries++)
        {
            var scene = Entered(GridMode.Explorer, entries, ref now);
            var frames = shipped.Watch(scene, Frames, ref now);
            double Changed(int row) => frames.Average(classes => Enumerable.Range(1, LayerExplorer.Columns - 1)
                .Count(c => classes[row * LayerExplorer.Columns + c] != classes[row * LayerExplorer.Columns]) / (double)(LayerExplorer.Columns - 1));
            var rows = Enumerable.Range(0, scene.Depth).Select(Changed).ToArray();
            output.WriteLine($"explorer, entry {entries}, centre seen as {frames[^1][0]}: class changed in " +
                string.Join(", ", rows.Select((share, row) => $"L{scene.Depth - row} {share:P0}")));
            Assert.True(rows[0] >= 0.5, $"entry {entries}: the top layer's row changes the class in {rows[0]:P0} of its tiles");
            Assert.True(rows[^1] <= 0.2, $"entry {entries}: the bottom layer's row changes the class in {rows[^1]:P0} of its tiles");
        }
    }

    [Fact]
    public void AnInterpolationOfTheTopLayerAloneGoesFromOneDigitsClassToTheOthers()
    {
        var now = TimeSpan.Zero;
        var held = 0;
        const int entries = 8;
        for (var entry = 1; entry <= entries; entry++)
        {
            var scene = Entered(GridMode.Interpolation, entry, ref now, layer: shipped.Copy.Config.Depth);
            var classes = shipped.Watch(scene, 1, ref now)[0];
            var labels = scene.Frame.Labels;
            var (from, to) = (ClassOf(labels.First), ClassOf(labels.Last));
            var holds = classes[0] == from && classes[^1] == to && from != to;
            held += holds ? 1 : 0;
            output.WriteLine($"{scene.Frame.Title}, entry {entry}, {labels.First} to {labels.Last}: {string.Join("", classes)}{(holds ? "" : "  (ends differ)")}");
            if (entry == 1) Assert.True(holds, $"the first entry's ends were seen as {classes[0]} and {classes[^1]}, not {from} and {to}");
        }
        output.WriteLine($"the ends are the two digits' classes in {held} of {entries} entries");
        Assert.True(held >= 6, $"the ends are the two digits' classes in only {held} of {entries} entries");
    }

    /// <summary>The class in a digit's name ("#37: a 1").</summary>
    private static int ClassOf(string name) => name[^1] - '0';

    [Fact]
    public void ATileMovedToAClassPointShowsThatClassForItsWholeHold()
    {
        var depth = shipped.Copy.Config.Depth;
        var topTwo = 0;
        for (var digitClass = 0; digitClass < 10; digitClass++)
        {
            var everyLayer = HeldShare(digitClass, Enumerable.Repeat<PointSource?>(new PointSource.DigitClass(digitClass), depth).ToArray());
            var point = new PointSource?[depth];
            point[depth - 1] = point[depth - 2] = new PointSource.DigitClass(digitClass);
            var upper = HeldShare(digitClass, point);
            topTwo += upper >= 0.9 ? 1 : 0;
            output.WriteLine($"class {digitClass}: the tile shows it in {everyLayer:P0} of a 5 s hold with every layer set, {upper:P0} with the top two alone");
            Assert.True(everyLayer >= 0.9, $"the tile moved to class {digitClass} shows it in {everyLayer:P0} of its hold");
        }
        output.WriteLine($"the top two layers alone make the class in {topTwo} of 10 classes");
    }

    /// <summary>
    /// The share of a 5 s hold in which the selected tile shows <paramref name="digitClass"/>, after a step moves it to
    /// <paramref name="point"/> in one second, as a talk's step does.
    /// </summary>
    private double HeldShare(int digitClass, PointSource?[] point)
    {
        var shelf = new BookmarkShelf(null, shipped.Copy.Config.LatentSizes, _ => { });
        var now = TimeSpan.Zero;
        var scene = shipped.NewScene();
        scene.SelectTileAt(27);
        shipped.Watch(scene, 30, ref now);
        scene.MovePoint(point, shelf, seconds: 1, Easing.Smooth);
        shipped.Watch(scene, 30, ref now);
        return shipped.Watch(scene, 150, ref now).Count(classes => classes[27] == digitClass) / 150.0;
    }
}
