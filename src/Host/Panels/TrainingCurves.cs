using LvaeLive.Model.Live;
using LvaeLive.Model.Training;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Panels;

/// <summary>
/// The curves panel's data, gathered from training events, the run's metrics log and the latent maps: the training
/// ELBO, KL per layer, and, one sample per map, active units per layer and what redrawing each layer changes (how
/// often the class, with a classifier at hand; otherwise the mean pixel change). The test ELBO and the KL weight beta
/// are the HUD's.
/// </summary>
internal sealed class TrainingCurves
{
    /// <summary>One per-layer figure's latest values, bottom layer first.</summary>
    public sealed record LayerFigure(string Title, float[] Values);

    private readonly CurveHistory _trainElbo = new();
    private readonly CurveHistory[] _kl;
    private readonly CurveHistory[] _activeUnits;
    private readonly CurveHistory[] _effects;
    private bool _classChanges;
    private readonly string[] _layerNames;
    private IReadOnlyList<CurvePlot>? _plots;
    private IReadOnlyList<LayerFigure>? _figures;

    public TrainingCurves(int layers)
    {
        _kl = Enumerable.Range(0, layers).Select(_ => new CurveHistory()).ToArray();
        _activeUnits = Enumerable.Range(0, layers).Select(_ => new CurveHistory(128)).ToArray();
        _effects = Enumerable.Range(0, layers).Select(_ => new CurveHistory(128)).ToArray();
        _layerNames = Enumerable.Range(1, layers).Select(i => $"L{i}").ToArray();
    }

    /// <summary>A run's history so far (its metrics log), so that a resumed or viewed run shows its whole past.</summary>
    public void Load(IEnumerable<MetricsEntry> history)
    {
        foreach (var entry in history)
        {
            if (entry is { Elbo: { } elbo, Kl: { } layers } && layers.Length == _kl.Length) AddStep(elbo, layers);
        }
    }

    /// <summary>Takes the steps the metrics log takes (every <see cref="TrainingSession.ScalarEverySteps"/>), so live and loaded history agree.</summary>
    public void Add(TrainingEvent.Stepped stepped)
    {
        if (stepped.Step.Skipped || stepped.Step.GlobalStep % TrainingSession.ScalarEverySteps != 0) return;
        AddStep(stepped.Step.Elbo, stepped.Step.Kl);
    }

    private void AddStep(double elbo, double[] layers)
    {
        (_plots, _figures) = (null, null);
        _trainElbo.Add((float)elbo);
        for (var i = 0; i < _kl.Length; i++) _kl[i].Add((float)layers[i]);
    }

    public void Add(LatentMap map)
    {
        (_plots, _figures) = (null, null);
        for (var i = 0; i < _activeUnits.Length; i++) _activeUnits[i].Add(map.Layers[i].ActiveUnits);
        // Every map of a session comes from one builder, with a classifier or without: one kind of figure throughout.
        _classChanges = map.Effects[0].ClassChange is not null;
        for (var i = 0; i < _effects.Length; i++) _effects[i].Add(100 * (float)(map.Effects[i].ClassChange ?? map.Effects[i].PixelChange));
    }

    /// <summary>The plots, rebuilt only after new data arrived (not every frame).</summary>
    public IReadOnlyList<CurvePlot> Plots => _plots ??= Build();

    private IReadOnlyList<CurvePlot> Build() =>
    [
        new CurvePlot("ELBO", [new CurveSeries("train", _trainElbo.Samples)], StepsPerSample(_trainElbo)),
        new CurvePlot("KL / layer", Layered(_kl), StepsPerSample(_kl[0])),
        new CurvePlot("Active units", Layered(_activeUnits), _activeUnits[0].ValuesPerSample),
        new CurvePlot(_classChanges ? "Class change %" : "Pixel change %", Layered(_effects), _effects[0].ValuesPerSample),
    ];

    /// <summary>The layers' names, bottom first, as the plots' legends give them.</summary>
    public IReadOnlyList<string> LayerNames => _layerNames;

    /// <summary>
    /// Each per-layer figure's latest value per layer, bottom first (NaN before its first): what a race sets side by
    /// side as bars. Rebuilt only after new data arrived.
    /// </summary>
    public IReadOnlyList<LayerFigure> LayerFigures => _figures ??=
    [
        new LayerFigure("KL (nats)", Latest(_kl)),
        new LayerFigure("Active units", Latest(_activeUnits)),
        new LayerFigure(_classChanges ? "Class change %" : "Pixel change %", Latest(_effects)),
    ];

    private static float[] Latest(CurveHistory[] histories) => histories.Select(history => history.Last ?? float.NaN).ToArray();

    private static float StepsPerSample(CurveHistory history) => history.ValuesPerSample * TrainingSession.ScalarEverySteps;

    private CurveSeries[] Layered(CurveHistory[] histories) =>
        histories.Select((history, i) => new CurveSeries(_layerNames[i], Drawable(history.Samples))).ToArray();

    /// <summary>
    /// A single value (a shown checkpoint's one map) as a level line across the plot: a curve of one point is a dot
    /// on the axis that nobody can read.
    /// </summary>
    private static ReadOnlyMemory<float> Drawable(ReadOnlyMemory<float> samples) =>
        samples.Length == 1 ? new[] { samples.Span[0], samples.Span[0] } : samples;
}
