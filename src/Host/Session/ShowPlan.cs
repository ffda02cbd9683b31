using LvaeLive.Host.Settings;
using LvaeLive.Host.Talks;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Host.Session;

/// <summary>One model of a show; in a race, with its name on the HUD and in the race's summary.</summary>
internal sealed record ShowModel(ModelSource Source, string? RaceName = null)
{
    /// <summary>A checkpoint shown in a race, named by its run folder (the shipped ones: vae-mnist, lvae-mnist).</summary>
    public static ShowModel Racing(string checkpoint) =>
        new(new ModelSource.Shown(checkpoint), Path.GetFileName(CheckpointStore.ReadInfo(checkpoint).RunFolder));
}

/// <summary>
/// What a show opens, made by each command from its checked options: one model, or two that race; the seed and loop
/// of their latent paths; the talk the first one plays; and where its bookmarks are kept. Plain data: nothing is read
/// or opened until <see cref="ShowComposition.Open"/>.
/// </summary>
internal sealed record ShowPlan
{
    public ShowPlan(IReadOnlyList<ShowModel> models)
    {
        if (models.Count is not (1 or 2)) throw new ArgumentException($"a show has one model, or two that race; not {models.Count}");
        if (models.Count == 2 && models.Any(model => model.RaceName is null)) throw new ArgumentException("both models of a race need a name");
        Models = models;
    }

    public IReadOnlyList<ShowModel> Models { get; }
    public bool Racing => Models.Count == 2;
    /// <summary>Whether a model trains: lavapipe then leaves it a core.</summary>
    public bool Trains => Models.Any(model => model.Source.Trains);

    /// <summary>The latent paths' seed, the same for both models of a race: the same tile of either grid is the same noise.</summary>
    public long PathsSeed { get; init; } = ViewSettings.DefaultPathsSeed;
    /// <summary>When given, every latent path repeats after this many seconds (a recording that loops).</summary>
    public double? LoopSeconds { get; init; }
    public Talk? Talk { get; init; }
    /// <summary>Whether every step of the talk moves on by its hold time (recording, --auto-advance), not only those that say so.</summary>
    public bool AutomaticTalk { get; init; }
    /// <summary>Whether the talk starts again after its last step (--loop).</summary>
    public bool LoopTalk { get; init; }
    /// <summary>The first model's bookmarks; null: those in the run folder it opens with.</summary>
    public BookmarkShelf? Bookmarks { get; init; }
    /// <summary>The scale of text and spacing, for projectors.</summary>
    public float UiScale { get; init; } = ViewSettings.UiScale.Default;
    /// <summary>Where the first model's view logs its state lines and notices.</summary>
    public Action<string> StateLog { get; init; } = _ => { };
}
