using LvaeLive.Host.Session;
using LvaeLive.Host.Talks;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Data;
using LvaeLive.Model.Hierarchy;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Talks;

/// <summary>
/// Talks played on the shipped model, each step judged by the project's classifier on the selected tile, as
/// `lvae talk check` does: a step's `expect` must be what the audience sees.
/// </summary>
public sealed class TalkCheckTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<StepVerdict> Check(string path)
    {
        var shipped = ShippedModel.Locate();
        var sizes = CheckpointStore.ReadInfo(shipped).Info.Model.LatentSizes;
        var bookmarks = new BookmarkShelf(null, sizes, _ => { });
        var data = ShowData.Read(MnistDataset.LocateDefaultFolder());
        using var classifier = new ClassifierCache(ClassifierCache.PathIn(MnistDataset.LocateDefaultFolder()), data.Train, _ => { }).LoadOrTrain(CPU);
        var plan = new ShowPlan([new ShowModel(new ModelSource.Shown(shipped))]) { Talk = ModelSide.LoadTalk(path, sizes, bookmarks), AutomaticTalk = true, Bookmarks = bookmarks };
        using var show = ShowComposition.Open(plan, data, CPU);
        return TalkCheck.Run(show.Sessions[0], classifier);
    }

    [Fact]
    public void EveryClaimOfTheExampleTalkHoldsOnTheShippedModel()
    {
        var verdicts = Check(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ShippedModel.Locate()))!, "talks", "ladder-vae.toml"));
        foreach (var verdict in verdicts) output.WriteLine($"step {verdict.Index + 1}: expect {verdict.Step.ExpectClass?.ToString() ?? "-"}, seen {verdict.Seen.Describe()}");
        Assert.True(verdicts.Count(v => v.Step.ExpectClass is not null) >= 4, "the example talk states fewer than four claims");
        Assert.All(verdicts, verdict => Assert.True(verdict.Holds, $"step {verdict.Index + 1} expects a {verdict.Step.ExpectClass} and shows {verdict.Seen.Describe()}"));
    }

    [Fact]
    public void AClaimTheTileDoesNotShowFailsAndTheOneItShowsHolds()
    {
        File.WriteAllText(_folder["talk.toml"], """
            [[step]]
            tile = 27
            point = { class = 3 }
            expect = { class = 3 }
            hold = 3

            [[step]]
            expect = { class = 5 }
            hold = 2
            """);
        var verdicts = Check(_folder["talk.toml"]);
        Assert.True(verdicts[0].Holds, $"a tile moved to the 3s' mean point shows {verdicts[0].Seen.Describe()}");
        Assert.True(verdicts[0].Seen.Frames >= 2 * 30, $"only {verdicts[0].Seen.Frames} frames were judged over a 3 s hold after a 1 s transition");
        Assert.False(verdicts[1].Holds, "a 3 passed for a 5");
    }
}
