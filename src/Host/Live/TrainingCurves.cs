using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Live;

/// <summary>
/// The curves panel's data, gathered from training events, the run's metrics log and the latent maps: the training
/// ELBO, KL per layer, active units per layer (one sample per map), and beta. The test ELBO, one value an epoch, is
/// the HUD's.
/// </summary>
internal sealed class TrainingCurves
{
    private readonly CurveHistory _trainElbo = new();
    private readonly CurveHistory _beta = new();
    private readonly CurveHistory[] _kl;
    private readonly CurveHistory[] _activeUnits;
    private readonly string[] _layerNames;
    private IReadOnlyList<CurvePlot>? _plots;

    public TrainingCurves(int layers)
    {
        _kl = Enumerable.Range(0, layers).Select(_ => new CurveHistory()).ToArray();
        _activeUnits = Enumerable.Range(0, layers).Select(_ => new CurveHistory(128)).ToArray();
        _layerNames = Enumerable.Range(1, layers).Select(i => $"L{i}").ToArray();
    }

    /// <summary>A run's history so far (its metrics log), so that a resumed or viewed run shows its whole past.</summary>
    public void Load(IEnumerable<MetricsEntry> history)
    {
        foreach (var entry in history)
        {
            if (entry is { Elbo: { } elbo, Kl: { } layers, Beta: { } b } && layers.Length == _kl.Length) AddStep(elbo, layers, b);
        }
    }

    /// <summary>Takes the steps the metrics log takes (every <see cref="TrainingSession.ScalarEverySteps"/>), so live and loaded history agree.</summary>
    public void Add(TrainingEvent.Stepped stepped)
    {
        if (stepped.Step.Skipped || stepped.Step.GlobalStep % TrainingSession.ScalarEverySteps != 0) return;
        AddStep(stepped.Step.Elbo, stepped.Step.Kl, stepped.Step.Beta);
    }

    private void AddStep(double elbo, double[] layers, double b)
    {
        _plots = null;
        _trainElbo.Add((float)elbo);
        _beta.Add((float)b);
        for (var i = 0; i < _kl.Length; i++) _kl[i].Add((float)layers[i]);
    }

    public void Add(LatentMap map)
    {
        _plots = null;
        for (var i = 0; i < _activeUnits.Length; i++) _activeUnits[i].Add(map.Layers[i].ActiveUnits);
    }

    /// <summary>The plots, rebuilt only after new data arrived (not every frame).</summary>
    public IReadOnlyList<CurvePlot> Plots => _plots ??= Build();

    private IReadOnlyList<CurvePlot> Build() =>
    [
        new CurvePlot("ELBO", [new CurveSeries("train", _trainElbo.Samples)], StepsPerSample(_trainElbo)),
        new CurvePlot("KL / layer", Layered(_kl), StepsPerSample(_kl[0])),
        new CurvePlot("Active units", Layered(_activeUnits), _activeUnits[0].ValuesPerSample),
        new CurvePlot("beta", [new CurveSeries("KL weight", _beta.Samples)], StepsPerSample(_beta)),
    ];

    private static float StepsPerSample(CurveHistory history) => history.ValuesPerSample * TrainingSession.ScalarEverySteps;

    private CurveSeries[] Layered(CurveHistory[] histories) =>
        histories.Select((history, i) => new CurveSeries(_layerNames[i], history.Samples)).ToArray();
}
