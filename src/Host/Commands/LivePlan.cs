using System.CommandLine;
using LvaeLive.Host.Session;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Hierarchy;

namespace LvaeLive.Host.Commands;

/// <summary>
/// What `lvae live` opens, from its validated options: the shipped model located, a saved run's fit to the model
/// options checked, a race spelt out, the run's bookmarks and the talk read. Files are read, nothing is written or
/// opened: every refusal comes before the window.
/// </summary>
internal static class LivePlan
{
    public static ShowPlan Make(LiveOptions options, ModelOptions model, ParseResult parsed)
    {
        if (options.RacesShipped)
            return new ShowPlan([ShowModel.Racing(ShippedModel.LocateVae()), ShowModel.Racing(ShippedModel.Locate())]) { PathsSeed = options.PathsSeed, StateLog = Console.WriteLine };
        if (options.Race is { } spelling) return Race(options, RaceSpelling.Parse(spelling, model.Config(parsed), model.Training(parsed)));
        var shipped = options.Pretrained ? ShippedModel.Locate() : null;
        var checkpoint = options.Checkpoint ?? (options.ShowsShipped ? shipped : null);
        var stored = (checkpoint ?? shipped) is { } saved ? CheckpointStore.ReadInfo(saved) : ((CheckpointInfo Info, string RunFolder)?)null;
        if (stored is { } run)
            model.RequireCompatible(parsed, shipped is null ? "--checkpoint" : "--pretrained", run.RunFolder, run.Info.Model, options.TrainOn ? [model.LearningRate] : []);
        var (config, training) = stored is null ? (model.Config(parsed), model.Training(parsed)) : (null, null);
        var sizes = config?.LatentSizes ?? stored!.Value.Info.Model.LatentSizes;
        var bookmarks = new BookmarkShelf(shipped is null ? stored?.RunFolder ?? options.RunDir : options.TrainOn ? options.RunDir : ShippedModel.BookmarkFolder,
            sizes, Console.WriteLine);
        ModelSource source = options.TrainOn
            ? new ModelSource.TrainedOn(shipped!, options.RunDir ?? NewRunFolder("pretrained"), options.Epochs ?? LiveOptions.PretrainedEpochs,
                options.LearningRate ?? LiveOptions.PretrainedLearningRate)
            : checkpoint is null ? new ModelSource.NewRun(options.RunDir ?? NewRunFolder("live"), config!, training!)
            : options.ViewOnly ? new ModelSource.Shown(checkpoint)
            : new ModelSource.Continued(checkpoint, options.Epochs);
        return new ShowPlan([new ShowModel(source)])
        {
            PathsSeed = options.PathsSeed,
            Talk = options.Talk is { } talk ? ModelSide.LoadTalk(talk, sizes, bookmarks) : null,
            AutomaticTalk = options.AutoAdvance,
            LoopTalk = options.LoopTalk,
            // A run in a folder named now keeps its bookmarks there; a run in a new folder starts with none of its own.
            Bookmarks = checkpoint is null && options.RunDir is null ? null : bookmarks,
            StateLog = Console.WriteLine,
        };
    }

    /// <summary>Two new models trained from the same start, each in its own folder inside --run-dir (or a new one).</summary>
    private static ShowPlan Race(LiveOptions options, RaceEntrant[] entrants)
    {
        var folder = options.RunDir ?? NewRunFolder("race");
        var models = entrants.Select((entrant, i) => new ShowModel(
            new ModelSource.NewRun(Path.Combine(folder, $"{i + 1}-{string.Concat(entrant.Name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}"), entrant.Config, entrant.Options),
            entrant.Name));
        return new ShowPlan([.. models]) { PathsSeed = options.PathsSeed, StateLog = Console.WriteLine };
    }

    /// <summary>A new run's folder under runs/, named by the time and <paramref name="kind"/>.</summary>
    private static string NewRunFolder(string kind) => Path.Combine("runs", $"{Files.Time.WallClock.Stamp()}-{kind}");
}
