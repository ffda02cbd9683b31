using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Panels;
using LvaeLive.Host.Window;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Session;

/// <summary>
/// The race: two models' sessions, opened with the same seed so that their grids hold the same noise, driven by the
/// same keys and clock, shown in the first's frame. The second's digits and map go beside the first's; the ELBO
/// curves share axes, the second's dashed; each per-layer figure (KL, active units, class change) stands as two bars
/// a layer; the HUD names both. The first session writes the state lines and takes the loop's notices; the second
/// follows it silently.
/// </summary>
internal sealed class RaceSession(LiveSession first, string firstName, LiveSession second, string secondName) : ILiveView
{
    private (IReadOnlyList<CurvePlot> First, IReadOnlyList<CurvePlot> Second)? _mergedFrom;
    private IReadOnlyList<CurvePlot> _plots = [];
    private (IReadOnlyList<TrainingCurves.LayerFigure> First, IReadOnlyList<TrainingCurves.LayerFigure> Second)? _barsFrom;
    private IReadOnlyList<BarChart> _bars = [];
    private (IReadOnlyList<string> First, IReadOnlyList<string> Second)? _hudFrom;
    private IReadOnlyList<string> _hud = [];
    private (string Scene, string Named) _title = ("", "");
    private (string Scene, string Named) _rivalTitle = ("", "");

    /// <summary>A model's name on the HUD, with the line style that tells its curves apart.</summary>
    public static string HudName(string name, bool isFirst) => $"{name} ({(isFirst ? "solid" : "dashed")})";

    /// <summary>The first's scene and chrome, with the race's own part beside them.</summary>
    public CanvasFrame Frame { get; } = new(first.Frame.Scene, first.Frame.Chrome, new RacePart { RaceNames = (firstName, secondName) });

    /// <summary>The first model's: it plays the talk.</summary>
    public CanvasFrame? PresenterFrame => first.PresenterFrame;

    public HudStatus Hud => first.Hud;

    public LoopRequest Apply(LiveInput input)
    {
        second.Apply(input);
        return first.Apply(input);
    }

    /// <summary>
    /// A click on a tile of the first grid selects that tile in both; the map's gestures (dragging the marker, loading
    /// a test point) are the first model's alone, since its map's coordinates mean nothing in the second's latent space.
    /// </summary>
    public void ApplyPointer(PointerEvent pointer, CanvasPlacement placement)
    {
        second.ApplyPointer(pointer, placement with { Map = null });
        first.ApplyPointer(pointer, placement);
    }

    public void LogState() => first.LogState();

    public void Advance(FrameTime time)
    {
        first.Advance(time);
        second.Advance(time);
        var (mine, theirs, race) = (first.Frame, second.Frame, Frame.Race);
        race.DigitsTitle = Named(ref _title, firstName, mine.Scene.DigitsTitle);
        race.RivalDigitsTitle = Named(ref _rivalTitle, secondName, theirs.Scene.DigitsTitle);
        race.RivalDigits = theirs.Scene.Digits;
        race.RivalMapPoints = theirs.Scene.MapPoints;
        race.RivalMapMarkers = theirs.Scene.MapMarkers;
        race.RivalReconstructions = theirs.Scene.Reconstructions;
        race.Plots = MergedPlots(mine.Chrome.Plots, theirs.Chrome.Plots);
        race.Bars = Bars(first.Curves.LayerFigures, second.Curves.LayerFigures);
        race.Hud = BothHuds(mine.Chrome.Hud, theirs.Chrome.Hud);
    }

    /// <summary>The scene's grid title led by the model's name, made again only when the scene's title changed (it runs every frame).</summary>
    private static string Named(ref (string Scene, string Named) cached, string name, string sceneTitle)
    {
        if (!ReferenceEquals(cached.Scene, sceneTitle)) cached = (sceneTitle, $"{name}: {sceneTitle}");
        return cached.Named;
    }

    /// <summary>Each model's steps and how many points its KL and active-unit curves hold, for the log and the tests.</summary>
    public string Describe() => $"{Describe(firstName, first)}; {Describe(secondName, second)}";

    private static string Describe(string name, LiveSession session)
    {
        var plots = session.Frame.Chrome.Plots;
        return $"{name} step={session.Scene.Latent.WeightsStep} kl-points={plots[1].Series[0].Values.Length} active-unit-points={plots[2].Series[0].Values.Length}";
    }

    /// <summary>
    /// The race's first plot (the ELBO), the first's series then the second's, dashed; rebuilt only when either
    /// changed. The per-layer curves give way to <see cref="Bars"/>: ten overlapping lines hide the contrast that two
    /// bars a layer show at a glance. Each series spreads its samples over the plot's width, so where both plots sample alike the longer
    /// series is cut to the shorter one's length: the curves then compare the models at the same step (or map), and the
    /// leader's lead shows on the HUD.
    /// </summary>
    private IReadOnlyList<CurvePlot> MergedPlots(IReadOnlyList<CurvePlot> mine, IReadOnlyList<CurvePlot> theirs)
    {
        if (_mergedFrom is { } from && ReferenceEquals(from.First, mine) && ReferenceEquals(from.Second, theirs)) return _plots;
        _mergedFrom = (mine, theirs);
        return _plots = mine.Take(1).Zip(theirs, (a, b) =>
        {
            var length = a.StepsPerSample == b.StepsPerSample
                ? Math.Min(a.Series.Max(series => series.Values.Length), b.Series.Max(series => series.Values.Length))
                : int.MaxValue;
            CurveSeries Cut(CurveSeries series) => series with { Values = series.Values[..Math.Min(series.Values.Length, length)] };
            return a with
            {
                // The ELBO's one series a model needs no name of its own: the models' legends name them, and a
                // header a line shorter leaves the plot room beside the bars in a narrow panel.
                Series = [.. a.Series.Select((series, layer) => Cut(series) with { Name = a.Series.Count == 1 ? "" : series.Name, Colour = layer }),
                    .. b.Series.Select((series, layer) => Cut(series) with { Name = "", Colour = layer, Dashed = true })],
            };
        }).ToArray();
    }

    /// <summary>Each per-layer figure as bars, the first's beside the second's, layer by layer; rebuilt only when either changed.</summary>
    private IReadOnlyList<BarChart> Bars(IReadOnlyList<TrainingCurves.LayerFigure> mine, IReadOnlyList<TrainingCurves.LayerFigure> theirs)
    {
        if (_barsFrom is { } from && ReferenceEquals(from.First, mine) && ReferenceEquals(from.Second, theirs)) return _bars;
        _barsFrom = (mine, theirs);
        return _bars = mine.Zip(theirs, (a, b) => new BarChart(a.Title, first.Curves.LayerNames, a.Values, b.Values)).ToArray();
    }

    /// <summary>The first's HUD with the second's model line (its first) after the first's; empty while the HUD is hidden.</summary>
    private IReadOnlyList<string> BothHuds(IReadOnlyList<string> mine, IReadOnlyList<string> theirs)
    {
        if (mine.Count == 0 || theirs.Count == 0) return mine;
        if (_hudFrom is { } from && ReferenceEquals(from.First, mine) && ReferenceEquals(from.Second, theirs)) return _hud;
        _hudFrom = (mine, theirs);
        return _hud = [mine[0], theirs[0], .. mine.Skip(1)];
    }
}
