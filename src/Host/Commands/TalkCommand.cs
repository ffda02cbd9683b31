using System.CommandLine;
using LvaeLive.Host.Session;
using LvaeLive.Host.Talks;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Scene;

namespace LvaeLive.Host.Commands;

/// <summary>
/// `lvae talk check FILE`: reads a talk as `lvae live --talk` would and, given a model, plays it as `lvae record`
/// does and says per step what the classifier saw on the selected tile, against each step's `expect`; `lvae talk keys`:
/// the reference of every step key.
/// </summary>
internal static class TalkCommand
{
    public static Command Create()
    {
        var talk = new Command("talk", "Work with talk files (see talks/ and docs/talks.md).");
        talk.Subcommands.Add(Check());
        talk.Subcommands.Add(Keys());
        return talk;
    }

    /// <summary>`lvae talk keys`: the reference of every step key, as docs/talks.md holds it.</summary>
    private static Command Keys()
    {
        var command = new Command("keys", $"Print the reference of every step key (Markdown), from the declarations the reader uses: {TalkReference.DocsPath} is its output.");
        command.SetAction(_ =>
        {
            Console.Out.Write(TalkReference.Markdown());
            return 0;
        });
        return command;
    }

    private static Command Check()
    {
        var runtime = new RuntimeOptions(defaultThreads: 2);
        var file = new Argument<string>("FILE") { Description = "The talk (TOML)." };
        var pretrained = PretrainedOption.Create();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Run folder (or its checkpoint.json) whose model plays the talk." };
        var command = new Command("check", "Check a talk before the show: every mistake with FILE:LINE:COLUMN; with a model, what the audience will see in each step (the digit classifier on the selected tile over its hold), against each step's `expect`. Exit 1 when a claim fails.");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { pretrained, checkpoint }) command.Options.Add(option);
        runtime.AddTo(command);
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            if (parsed.GetValue(pretrained) && parsed.GetValue(checkpoint) is not null)
                throw new ArgumentException("--pretrained and --checkpoint both name the model: keep one");
            var model = parsed.GetValue(pretrained) ? ShippedModel.Locate() : parsed.GetValue(checkpoint);
            if (model is null)
            {
                var read = TalkFile.Load(path, TalkFile.Limits.WithoutModel(LatentScene.GridTiles, ModelSide.MapDigits));
                Console.WriteLine($"talk check: {path}: {read.Steps.Count} steps, no mistakes (add --pretrained or --checkpoint RUN to check what each step shows)");
                return 0;
            }
            var (info, runFolder) = CheckpointStore.ReadInfo(model);
            var sizes = info.Model.LatentSizes;
            var bookmarks = new BookmarkShelf(parsed.GetValue(pretrained) ? ShippedModel.BookmarkFolder : runFolder, sizes, Console.Error.WriteLine);
            var steps = ModelSide.LoadTalk(path, sizes, bookmarks);
            var device = runtime.Apply(parsed);
            var dataFolder = parsed.GetValue(runtime.Data)!;
            var data = ShowData.Read(dataFolder);
            using var classifier = new ClassifierCache(ClassifierCache.PathIn(dataFolder), data.Train, Console.Error.WriteLine).LoadOrTrain(device);
            var plan = new ShowPlan([new ShowModel(new ModelSource.Shown(model))]) { Talk = steps, AutomaticTalk = true, Bookmarks = bookmarks };
            using var show = ShowComposition.Open(plan, data, device);
            var verdicts = TalkCheck.Run(show.Sessions[0], classifier);
            foreach (var verdict in verdicts) Console.WriteLine(Describe(verdict, verdicts.Count));
            var claims = verdicts.Count(v => v.Step.ExpectClass is not null);
            var failed = verdicts.Count(v => !v.Holds);
            Console.WriteLine($"talk check: {path}: {verdicts.Count} steps, {claims} with a claim, {(failed == 0 ? "all hold" : $"{failed} fail")}");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Describe(StepVerdict verdict, int steps)
    {
        var step = verdict.Step;
        var caption = step.Caption.Count > 0 ? $" \"{step.Caption[0]}\"" : "";
        var claim = step.ExpectClass is { } expected
            ? FormattableString.Invariant($"; expect {expected}: {(verdict.Holds ? "holds" : "FAILS")} ({verdict.Seen.Share(expected):P0}, {TalkCheck.ClaimShare:P0} needed)")
            : "";
        return $"step {verdict.Index + 1}/{steps} (line {step.Line}){caption}: the selected tile shows {verdict.Seen.Describe()}{claim}";
    }
}
