using LvaeLive.Host.Settings;

namespace LvaeLive.Host.Commands;

/// <summary>
/// What `lvae live` is asked to show, as its options give it. <see cref="Validated"/> refuses every combination it
/// cannot honour, in one line, before anything is read, opened or written; each value's range is its declaration's to
/// check (<see cref="ViewSettings"/>), and a saved run's fit to the options its checkpoint's (<see cref="LivePlan"/>).
/// </summary>
internal sealed record LiveOptions
{
    /// <summary>
    /// Training on from the shipped model: a tenth of the preset's rate, so that the fresh optimizer's first steps do not
    /// shake a converged model (measured: see the models/ README).
    /// </summary>
    public const double PretrainedLearningRate = 2e-4;
    public const int PretrainedEpochs = 30;

    public string? Checkpoint { get; init; }
    public string? RunDir { get; init; }
    public bool NoTrain { get; init; }
    public bool Pretrained { get; init; }
    /// <summary>--train: with --pretrained, train on from the shipped model in a new run.</summary>
    public bool TrainOn { get; init; }
    public int? Epochs { get; init; }
    public double? LearningRate { get; init; }
    /// <summary>Whether --model was given: a race spells its models itself.</summary>
    public bool ModelGiven { get; init; }
    /// <summary>The race's spelling when racing (<see cref="RaceSpelling.Default"/> for a bare --race); null otherwise.</summary>
    public string? Race { get; init; }
    public string? Talk { get; init; }
    /// <summary>--auto-advance: every step of the talk moves on by itself after its hold, as when recorded.</summary>
    public bool AutoAdvance { get; init; }
    /// <summary>--loop: the talk starts again after its last step (a booth).</summary>
    public bool LoopTalk { get; init; }
    public bool Headless { get; init; }
    public bool Fullscreen { get; init; }
    /// <summary>The monitor that fullscreen covers, when given.</summary>
    public int? Monitor { get; init; }
    /// <summary>The monitor of the presenter view (--presenter-monitor): fullscreen there, or a second window when it is the audience's.</summary>
    public int? PresenterMonitor { get; init; }
    public long PathsSeed { get; init; } = ViewSettings.DefaultPathsSeed;

    /// <summary>The shipped VAE and LVAE, raced as they are (--race --pretrained).</summary>
    public bool RacesShipped => Pretrained && Race is not null;
    /// <summary>The shipped model, shown as a checkpoint is (--pretrained without --train).</summary>
    public bool ShowsShipped => Pretrained && !TrainOn;
    /// <summary>Nothing trains: a checkpoint, or the shipped model, is only shown.</summary>
    public bool ViewOnly => NoTrain || ShowsShipped;

    /// <summary>These options, if they go together; otherwise the first conflict, in one line that says what to drop or add.</summary>
    public LiveOptions Validated()
    {
        if (TrainOn && !Pretrained)
            throw new ArgumentException("--train goes with --pretrained (lvae live trains anything else by default): add --pretrained, or drop --train");
        if (Pretrained && Checkpoint is not null)
            throw new ArgumentException("--pretrained opens the shipped model: drop --checkpoint, or drop --pretrained");
        if (Pretrained && Race is not null && (TrainOn || Race != RaceSpelling.Default))
            throw new ArgumentException($"--race --pretrained shows the shipped VAE and LVAE as they are: drop {(TrainOn ? "--train" : $"the race's spelling ({Race})")}, or drop --pretrained to race new models");
        if (TrainOn && NoTrain) throw new ArgumentException("--train and --no-train conflict: keep one");
        if (TrainOn && Epochs is <= 0 and var more)
            throw new ArgumentException($"--epochs {more}: give the number of epochs to train on from the shipped model, 1 or more");
        if (ShowsShipped && RunDir is not null)
            throw new ArgumentException("--run-dir names the folder of a new run, and --pretrained alone trains none: add --train, or drop --run-dir");
        if (Headless && (Monitor is not null || Fullscreen))
            throw new ArgumentException("--fullscreen and --monitor need a window: drop --headless, or drop them");
        if (ViewOnly && Checkpoint is null && !ShowsShipped)
            throw new ArgumentException("--no-train needs --checkpoint: there is nothing to show without training otherwise");
        if (Checkpoint is not null && RunDir is not null)
            throw new ArgumentException($"--checkpoint and --run-dir conflict: a checkpoint's run continues in its own folder ({Checkpoint}); drop --run-dir, or drop --checkpoint to start a new run in {RunDir}");
        if (Race is not null && (Checkpoint is not null || Talk is not null || ModelGiven))
            throw new ArgumentException("--race starts two new models, each spelled in it: drop --checkpoint, --no-train, --talk and --model, or drop --race");
        if (PresenterMonitor is not null && (Talk is null || Headless))
            throw new ArgumentException(Talk is null
                ? "--presenter-monitor shows a talk's notes: add --talk FILE.toml, or drop it"
                : "--presenter-monitor opens a second window: drop --headless, or drop it");
        if (Talk is null && (AutoAdvance || LoopTalk))
            throw new ArgumentException($"{(AutoAdvance ? "--auto-advance" : "--loop")} plays a talk: add --talk FILE.toml, or drop it");
        return this;
    }
}
