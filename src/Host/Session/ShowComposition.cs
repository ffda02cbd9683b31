using LvaeLive.Host.Loop;
using TorchSharp;

namespace LvaeLive.Host.Session;

/// <summary>
/// The one way to open a show: `lvae live`, `lvae record` and `lvae bench live` each make a <see cref="ShowPlan"/> of
/// their options and open it here, model sides, sessions, race and HUD names, then run the one frame loop on
/// <see cref="View"/> with their own output and clock. Disposes the model sides in reverse order of opening.
/// </summary>
internal sealed class ShowComposition : IDisposable
{
    private readonly ModelSide[] _sides;

    private ShowComposition(ModelSide[] sides, LiveSession[] sessions, RaceSession? race)
    {
        _sides = sides;
        Sessions = sessions;
        Race = race;
    }

    public IReadOnlyList<ModelSide> Sides => _sides;
    /// <summary>Each model's session, the first model's first: it plays the talk and owns the frame.</summary>
    public IReadOnlyList<LiveSession> Sessions { get; }
    public RaceSession? Race { get; }
    /// <summary>What the frame loop runs: the race, or the one session.</summary>
    public ILiveView View => (ILiveView?)Race ?? Sessions[0];

    public static ShowComposition Open(ShowPlan plan, ShowData data, torch.Device device)
    {
        var sides = new List<ModelSide>();
        try
        {
            foreach (var model in plan.Models) sides.Add(model.Source.Open(data, device));
            var deviceName = device.type.ToString().ToLowerInvariant();
            string? HudName(int index) => plan.Racing ? RaceSession.HudName(plan.Models[index].RaceName!, isFirst: index == 0) : null;
            var first = sides[0].OpenSession(plan.PathsSeed, deviceName, plan.StateLog, plan.LoopSeconds, plan.Talk, plan.AutomaticTalk, plan.LoopTalk, plan.Bookmarks,
                HudName(0));
            // A race's frame shares the first session's chrome, so one scale serves both.
            first.Frame.Chrome.UiScale = plan.UiScale;
            if (!plan.Racing) return new ShowComposition([.. sides], [first], race: null);
            // The rival's state follows the first's, so only the first logs it.
            var second = sides[1].OpenSession(plan.PathsSeed, deviceName, _ => { }, plan.LoopSeconds, modelName: HudName(1));
            return new ShowComposition([.. sides], [first, second], new RaceSession(first, plan.Models[0].RaceName!, second, plan.Models[1].RaceName!));
        }
        catch
        {
            foreach (var side in Enumerable.Reverse(sides)) side.Dispose();
            throw;
        }
    }

    public void StartTraining()
    {
        foreach (var side in _sides) side.Training?.Start();
    }

    /// <summary>Stops training, each model saving a checkpoint, in reverse order of starting.</summary>
    public void StopTraining()
    {
        foreach (var side in Enumerable.Reverse(_sides)) side.Training?.Stop();
    }

    public void Dispose()
    {
        foreach (var side in Enumerable.Reverse(_sides)) side.Dispose();
    }
}
