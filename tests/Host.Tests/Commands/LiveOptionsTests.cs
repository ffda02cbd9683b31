using LvaeLive.Host.Commands;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>
/// `lvae live`'s conflicting options, checked in process: each refused in the one line that `lvae live` prints (after
/// "lvae: "), with no window, data or model opened.
/// </summary>
public sealed class LiveOptionsTests
{
    private static string Refusal(LiveOptions options) => Assert.Throws<ArgumentException>(options.Validated).Message;

    [Fact]
    public void TrainWithoutPretrained() => Assert.Equal(
        "--train goes with --pretrained (lvae live trains anything else by default): add --pretrained, or drop --train",
        Refusal(new LiveOptions { TrainOn = true }));

    [Fact]
    public void PretrainedWithCheckpoint() => Assert.Equal(
        "--pretrained opens the shipped model: drop --checkpoint, or drop --pretrained",
        Refusal(new LiveOptions { Pretrained = true, Checkpoint = "runs/x" }));

    [Fact]
    public void PretrainedRaceSpelled() => Assert.Equal(
        "--race --pretrained shows the shipped VAE and LVAE as they are: drop the race's spelling (lvae,lvae:warmup=0), or drop --pretrained to race new models",
        Refusal(new LiveOptions { Pretrained = true, Race = "lvae,lvae:warmup=0" }));

    [Fact]
    public void PretrainedRaceTrained() => Assert.Equal(
        "--race --pretrained shows the shipped VAE and LVAE as they are: drop --train, or drop --pretrained to race new models",
        Refusal(new LiveOptions { Pretrained = true, TrainOn = true, Race = RaceSpelling.Default }));

    [Fact]
    public void TrainWithNoTrain() => Assert.Equal(
        "--train and --no-train conflict: keep one",
        Refusal(new LiveOptions { Pretrained = true, TrainOn = true, NoTrain = true }));

    [Fact]
    public void TrainOnForNoEpochs() => Assert.Equal(
        "--epochs 0: give the number of epochs to train on from the shipped model, 1 or more",
        Refusal(new LiveOptions { Pretrained = true, TrainOn = true, Epochs = 0 }));

    [Fact]
    public void PretrainedAloneWithRunDir() => Assert.Equal(
        "--run-dir names the folder of a new run, and --pretrained alone trains none: add --train, or drop --run-dir",
        Refusal(new LiveOptions { Pretrained = true, RunDir = "runs/x" }));

    [Fact]
    public void HeadlessWithFullscreen() => Assert.Equal(
        "--fullscreen and --monitor need a window: drop --headless, or drop them",
        Refusal(new LiveOptions { Headless = true, Fullscreen = true }));

    [Fact]
    public void HeadlessWithMonitor() => Assert.Equal(
        "--fullscreen and --monitor need a window: drop --headless, or drop them",
        Refusal(new LiveOptions { Headless = true, Monitor = 2 }));

    [Fact]
    public void NoTrainWithoutCheckpoint() => Assert.Equal(
        "--no-train needs --checkpoint: there is nothing to show without training otherwise",
        Refusal(new LiveOptions { NoTrain = true }));

    [Fact]
    public void CheckpointWithRunDir() => Assert.Equal(
        "--checkpoint and --run-dir conflict: a checkpoint's run continues in its own folder (runs/a); drop --run-dir, or drop --checkpoint to start a new run in runs/b",
        Refusal(new LiveOptions { Checkpoint = "runs/a", RunDir = "runs/b" }));

    [Theory]
    [InlineData("runs/a", null, false)]
    [InlineData(null, "talks/ladder-vae.toml", false)]
    [InlineData(null, null, true)]
    public void RaceWithCheckpointTalkOrModel(string? checkpoint, string? talk, bool model) => Assert.Equal(
        "--race starts two new models, each spelled in it: drop --checkpoint, --no-train, --talk and --model, or drop --race",
        Refusal(new LiveOptions { Race = RaceSpelling.Default, Checkpoint = checkpoint, Talk = talk, ModelGiven = model }));

    [Theory]
    [InlineData(false, false)] // a new run
    [InlineData(true, false)] // the shipped model shown
    [InlineData(true, true)] // trained on from in a new run
    [InlineData(true, false, true)] // the shipped VAE and LVAE raced
    public void WhatGoesTogetherPasses(bool pretrained, bool trainOn, bool race = false)
    {
        var options = new LiveOptions
        {
            Pretrained = pretrained, TrainOn = trainOn, Headless = true, RunDir = trainOn || !pretrained ? "runs/x" : null,
            Race = race ? RaceSpelling.Default : null,
        };
        Assert.Same(options, options.Validated());
    }

    [Theory]
    [InlineData(true, false, "--auto-advance")]
    [InlineData(false, true, "--loop")]
    public void AutoAdvanceOrLoopWithoutATalk(bool autoAdvance, bool loop, string option) => Assert.Equal(
        $"{option} plays a talk: add --talk FILE.toml, or drop it",
        Refusal(new LiveOptions { AutoAdvance = autoAdvance, LoopTalk = loop }));
}
