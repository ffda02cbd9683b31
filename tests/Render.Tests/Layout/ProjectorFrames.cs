using System.Globalization;
using LvaeLive.Shaders.Canvas;
using LvaeLive.Shaders.Demo;

namespace LvaeLive.Render.Tests.Layout;

/// <summary>The grid modes of the live view, as far as the canvas sees them: how many tiles, and what labels them.</summary>
public enum GridMode { Walk, Explorer, ExplorerAxis, StyleSwap, Interpolation }

/// <summary>
/// Frames shaped like the live view's in each grid mode, with the texts it shows (the paper's five layers, the talk's
/// longest caption, a race's two models): what the layout must make room for on a projector.
/// </summary>
internal static class ProjectorFrames
{
    public static readonly string[] Caption = ["The layer explorer: each row varies one layer alone", "top layer at the top, the others held"];

    private const int Layers = 5;

    public static CanvasFrame Create(GridMode mode, bool caption, bool race, float uiScale)
    {
        var rows = mode switch { GridMode.Explorer or GridMode.ExplorerAxis => Layers, _ => 8 };
        var frame = DemoCanvas.Create(digits: rows * 8, pairs: 12, mapPoints: 2_000);
        var scene = frame.Scene;
        var chrome = frame.Chrome;
        chrome.UiScale = uiScale;
        chrome.Plots = Plots();
        chrome.Hud = ["LVAE: epoch 10, test ELBO -85.3, 2140/s", "epoch 10 step 23,440", "ELBO -84.1 (test -85.3)", "2140 samples/s", "60 fps"];
        chrome.Footer = "H help   Tab tile   1-5 layer   arrows nudge   E explorer   L style swap   I interpolate   Space pause   R record   Q quit";
        if (caption)
            (chrome.Caption, chrome.CaptionLines) = (Caption, 2);
        scene.MapTitle = "Layer 2 of 5: PC1 x PC2";
        switch (mode)
        {
            case GridMode.Walk:
                scene.DigitsTitle = "Generated digits";
                break;
            case GridMode.Explorer:
                scene.DigitsTitle = "Explorer L5-L1: redraws";
                (scene.DigitRowLabels, scene.DigitColumnLabels) = (LayerRows(), ["centre", .. Enumerable.Range(1, 7).Select(c => $"draw {c}")]);
                break;
            case GridMode.ExplorerAxis:
                scene.DigitsTitle = "Explorer L5-L1: PC1 steps";
                (scene.DigitRowLabels, scene.DigitColumnLabels) = (LayerRows(), Enumerable.Range(0, 8).Select(c => (2f * (2f * c / 7 - 1)).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + " SD").ToArray());
                break;
            case GridMode.StyleSwap:
                scene.DigitsTitle = "Style swap: L5-L3 rows, L2-L1 cols";
                (scene.DigitRowLabels, scene.DigitColumnLabels) = (DigitNames(1200), DigitNames(1208));
                (scene.DigitRowHeads, scene.DigitColumnHeads) = (scene.Digits[..(8 * 784)], scene.Digits[(8 * 784)..(16 * 784)]);
                break;
            case GridMode.Interpolation:
                scene.DigitsTitle = "Interpolation of L3 alone";
                scene.DigitEnds = ("#1234: a 3", "#1235: a 7");
                break;
        }
        if (race)
            MakeRace(frame);
        return frame;
    }

    private static string[] LayerRows() => Enumerable.Range(0, Layers).Select(row => $"L{Layers - row}").ToArray();

    private static string[] DigitNames(int first) => Enumerable.Range(first, 8).Select(index => $"#{index}: a {index % 10}").ToArray();

    /// <summary>
    /// The live view's four plots: one ELBO series, then one series per layer; their x axes as long as the shipped
    /// model's 200 epochs (94k steps) and shorter, as in the live view.
    /// </summary>
    private static CurvePlot[] Plots()
    {
        static CurveSeries Series(string name, float scale, int layer) =>
            new(name, Enumerable.Range(0, 300).Select(i => scale * (1 - MathF.Exp(-i / 60f)) + layer).ToArray());
        CurveSeries[] Layered(float scale) => Enumerable.Range(0, Layers).Select(layer => Series($"L{layer + 1}", scale, layer)).ToArray();
        return
        [
            new CurvePlot("ELBO", [Series("train", -110, -85)], 313),
            new CurvePlot("KL / layer", Layered(12), 80),
            new CurvePlot("Active units", Layered(30), 1),
            new CurvePlot("Class change %", Layered(60), 0.5f),
        ];
    }

    /// <summary>
    /// A race of the VAE and the LVAE, as the race session fills it: the ELBO plot with the second's series dashed and
    /// nameless, then the per-layer figures as bars.
    /// </summary>
    private static void MakeRace(CanvasFrame frame)
    {
        var race = frame.Race;
        race.RaceNames = ("VAE", "LVAE");
        race.DigitsTitle = $"VAE: {frame.Scene.DigitsTitle}";
        race.RivalDigitsTitle = $"LVAE: {frame.Scene.DigitsTitle}";
        race.RivalDigits = frame.Scene.Digits;
        race.RivalMapPoints = frame.Scene.MapPoints;
        race.RivalMapMarkers = frame.Scene.MapMarkers;
        race.RivalReconstructions = frame.Scene.Reconstructions;
        race.Plots = frame.Chrome.Plots.Take(1).Select(plot => plot with
        {
            Series = [.. plot.Series.Select((s, layer) => s with { Colour = layer }), .. plot.Series.Select((s, layer) => s with { Name = "", Colour = layer, Dashed = true })],
        }).ToArray();
        string[] layers = ["L1", "L2", "L3", "L4", "L5"];
        race.Bars =
        [
            new BarChart("KL (nats)", layers, new[] { 24.1f, 3.2f, 0.9f, 0.1f, 0.02f }, new[] { 12.7f, 6.1f, 2.5f, 1.2f, 1.8f }),
            new BarChart("Active units", layers, new[] { 64f, 18, 3, 0, 0 }, new[] { 64f, 32, 16, 8, 2 }),
            new BarChart("Class change %", layers, new[] { 60f, 31, 2, 0, 0 }, new[] { 17f, 28.1f, 41.5f, 50, 76.6f }),
        ];
        race.Hud = ["VAE: epoch 10, test ELBO -87.9, 2300/s", "LVAE: epoch 10, test ELBO -85.3, 2140/s", .. frame.Chrome.Hud.Skip(1)];
    }
}
