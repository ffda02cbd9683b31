using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Model.Classifier;
using LvaeLive.Model.Scene;

namespace LvaeLive.Host.Talks;

/// <summary>A step's verdict: what the classifier saw on the selected tile over the step's hold, after its transition.</summary>
internal sealed record StepVerdict(int Index, TalkStep Step, ClassTally Seen)
{
    /// <summary>Whether the step's claim holds: its class seen in at least <see cref="TalkCheck.ClaimShare"/> of the hold (true without a claim).</summary>
    public bool Holds => Step.ExpectClass is not { } expected || Seen.Share(expected) >= TalkCheck.ClaimShare;
}

/// <summary>
/// Plays a talk as `lvae record` does (each step for its hold, on a frame clock) and judges the selected tile of every
/// frame after each step's transition with the digit classifier: what the audience sees, measured against what each
/// step's `expect` claims.
/// </summary>
internal static class TalkCheck
{
    /// <summary>A step's class must be seen in this share of its hold's frames.</summary>
    public const double ClaimShare = 0.9;
    private const int FramesPerSecond = 30;

    public static IReadOnlyList<StepVerdict> Run(LiveSession session, IDigitClassifier classifier)
    {
        var talk = session.Talk ?? throw new ArgumentException("the session plays no talk");
        var tallies = Enumerable.Range(0, talk.Count).Select(_ => new ClassTally()).ToArray();
        var clock = new FrameClock(FramesPerSecond);
        var seconds = talk.Steps.Sum(step => step.Hold);
        var (index, started) = (-1, TimeSpan.Zero);
        for (var time = clock.NextFrame(); time.Now.TotalSeconds < seconds; time = clock.NextFrame())
        {
            session.Advance(time);
            if (talk.Index != index) (index, started) = (talk.Index, time.Now);
            if ((time.Now - started).TotalSeconds < talk.Current!.Transition) continue;
            tallies[index].Add(TileClasses.Of(classifier, session.Scene.Latent.Frame.SelectedDigit)[0]);
        }
        return tallies.Select((seen, i) => new StepVerdict(i, talk.Steps[i], seen)).ToArray();
    }
}
