using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// The curves panel's data, gathered from training events and latent maps: ELBO (train and test), KL per layer,
/// active units per layer, and beta.
/// </summary>
internal sealed class TrainingCurves
{
    private readonly CurveHistory trainElbo = new();
    private readonly CurveHistory testElbo = new(64);
    private readonly CurveHistory beta = new();
    private readonly CurveHistory[] kl;
    private readonly CurveHistory[] activeUnits;
    private readonly string[] layerNames;
    private IReadOnlyList<CurvePlot>? plots;

    public TrainingCurves(int layers)
    {
        kl = Enumerable.Range(0, layers).Select(_ => new CurveHistory()).ToArray();
        activeUnits = Enumerable.Range(0, layers).Select(_ => new CurveHistory(128)).ToArray();
        layerNames = Enumerable.Range(1, layers).Select(i => $"L{i}").ToArray();
    }

    public void Add(TrainingEvent.Stepped stepped)
    {
        if (stepped.Step.Skipped) return;
        plots = null;
        trainElbo.Add((float)stepped.Step.Elbo);
        beta.Add((float)stepped.Step.Beta);
        for (var i = 0; i < kl.Length; i++) kl[i].Add((float)stepped.Step.Kl[i]);
    }

    public void Add(TrainingEvent.EpochEnded epoch)
    {
        plots = null;
        testElbo.Add((float)epoch.Test.Elbo);
    }

    public void Add(LatentMap map)
    {
        plots = null;
        for (var i = 0; i < activeUnits.Length; i++) activeUnits[i].Add(map.Layers[i].ActiveUnits);
    }

    /// <summary>The plots, rebuilt only after new data arrived (not every frame).</summary>
    public IReadOnlyList<CurvePlot> Plots => plots ??= Build();

    private IReadOnlyList<CurvePlot> Build() =>
    [
        new CurvePlot("ELBO", [new CurveSeries("train", trainElbo.Samples), new CurveSeries("test", testElbo.Samples)], trainElbo.ValuesPerSample),
        new CurvePlot("KL / layer", Layered(kl), kl[0].ValuesPerSample),
        new CurvePlot("Active units", Layered(activeUnits), 1),
        new CurvePlot("beta", [new CurveSeries("beta", beta.Samples)], beta.ValuesPerSample),
    ];

    private CurveSeries[] Layered(CurveHistory[] histories) =>
        histories.Select((history, i) => new CurveSeries(layerNames[i], history.Samples)).ToArray();
}
