using System.Text.RegularExpressions;
using LvaeLive.Host.Commands;
using LvaeLive.Host.Input;
using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Scene;
using LvaeLive.Model.Training;
using LvaeLive.Model;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Live;

/// <summary>`--race`: two models side by side, from the same start, in one frame.</summary>
public sealed partial class RaceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void HeadlessRaceTrainsBothModelsAndBothCurvesReceivePoints()
    {
        var result = LvaeProcess.Run("live", "--race", "--headless", "--seconds", "8", "--run-dir", _folder["race"], "--size", "320x240", "--fps-cap", "10",
            "--layers", "8,4,2", "--hidden", "64,32,16", "--batch-size", "64", "--train-limit", "2048", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var race = RaceLine().Match(result.Output);
        Assert.True(race.Success, result.Output);
        foreach (var (model, side) in new[] { ("vae", 1), ("lvae", 2) })
        {
            var step = int.Parse(race.Groups[$"step{side}"].Value);
            Assert.Equal(model, race.Groups[$"name{side}"].Value);
            Assert.True(step > 0, $"{model} never passed trained weights to the view");
            Assert.True(int.Parse(race.Groups[$"kl{side}"].Value) > 0, $"{model}'s KL curves received no points");
            Assert.True(int.Parse(race.Groups[$"active{side}"].Value) > 0, $"{model}'s active-unit curves received no points");
            Assert.True(File.Exists(Path.Combine(_folder["race"], $"{side}-{model}", "checkpoint.json")), $"{model} saved no checkpoint");
        }
    }

    [Fact]
    public void KeysSteerBothModelsAndTPausesBothOnTheSameNoise()
    {
        using var vae = ModelSide.Train(TrainingSession.Start(_folder["vae"], TinyRun.Shape with { Kind = ModelKind.Vae }, TinyRun.Options,
            TinyRun.Train, TinyRun.Test.Take(500), CPU), TinyRun.Test);
        using var lvae = ModelSide.Train(TinyRun.Start(_folder["lvae"]), TinyRun.Test);
        var states = new List<string>();
        var first = vae.OpenSession(seed: 3, "cpu", states.Add, modelName: RaceSession.HudName("vae", isFirst: true));
        var second = lvae.OpenSession(seed: 3, "cpu", _ => { }, modelName: RaceSession.HudName("lvae", isFirst: false));
        var race = new RaceSession(first, "vae", second, "lvae");

        race.Apply(LiveInput.ToLayer(2));
        race.Apply(new LiveInput(ViewAction.NextTile));
        race.Apply(new LiveInput(ViewAction.ToggleTrainingPause));
        race.Advance(new FrameClock(10).NextFrame());

        foreach (var session in new[] { first, second })
            Assert.Equal((1, 1), (session.Scene.Latent.SelectedLayer, session.Scene.Latent.SelectedTile));
        Assert.True(vae.Training!.Paused && lvae.Training!.Paused, "T must pause both models");
        Assert.Equal(first.Scene.Latent.SelectedPoint(), second.Scene.Latent.SelectedPoint());
        Assert.Equal(3, states.Count);
        var frame = race.Frame;
        Assert.True(frame.IsRace);
        Assert.Equal(frame.Scene.Digits.Length, frame.Race.RivalDigits.Length);
        // The ELBO as curves, the second's dashed; each per-layer figure as bars, each model's its own latest values.
        Assert.Equal([false, true], Assert.Single(frame.Plots).Series.Select(series => series.Dashed));
        Assert.Equal(["KL (nats)", "Active units"], frame.Bars.Take(2).Select(chart => chart.Title));
        Assert.EndsWith("change %", frame.Bars[2].Title);
        for (var i = 0; i < frame.Bars.Count; i++)
        {
            Assert.Equal(first.Curves.LayerFigures[i].Values, frame.Bars[i].First.ToArray());
            Assert.Equal(second.Curves.LayerFigures[i].Values, frame.Bars[i].Second.ToArray());
            Assert.Equal(["L1", "L2", "L3"], frame.Bars[i].Groups);
        }
        Assert.StartsWith("vae (solid)", frame.Hud[0]);
        Assert.StartsWith("lvae (dashed)", frame.Hud[1]);
    }

    [Fact]
    public void RecordingARaceTwiceGivesTheSameFrames()
    {
        TinyRun.Checkpoint(_folder["a"], steps: 20);
        TinyRun.Checkpoint(_folder["b"], steps: 5);
        string Record(string name)
        {
            var result = LvaeProcess.Run("record", "--race", "--checkpoint", _folder["a"], "--checkpoint", _folder["b"], "--seconds", "1", "--fps", "10",
                "--size", "320x240", "--out", _folder[name], "--threads", "1");
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            Assert.Equal("320,240,10", ExternalTools.Probe(_folder[name]));
            return ExternalTools.Run("ffmpeg", "-v", "error", "-i", _folder[name], "-f", "framemd5", "-");
        }

        Assert.Equal(Record("first.mp4"), Record("second.mp4"));
    }

    [Fact]
    public void RecordRefusesTwoCheckpointsOfDifferentShapes()
    {
        TinyRun.Checkpoint(_folder["a"], steps: 1);
        using (var other = TrainingSession.Start(_folder["deeper"], TinyRun.Shape with { LatentSizes = [8, 4, 2, 2], HiddenSizes = [64, 32, 16, 16] },
            TinyRun.Options, TinyRun.Train, TinyRun.Test.Take(500), CPU))
        {
            other.StepOnce(_ => { });
            other.SaveOnStop(_ => { });
        }

        var result = LvaeProcess.Run("record", "--race", "--checkpoint", _folder["a"], "--checkpoint", _folder["deeper"], "--out", _folder["x.mp4"]);

        LvaeProcess.AssertOneLineError(result, "differ in shape");
        Assert.False(File.Exists(_folder["x.mp4"]));
    }

    [Theory]
    [InlineData("vae,gan", "unknown model 'gan'")]
    [InlineData("vae,lvae:dropout=1", "unknown option 'dropout=1'")]
    [InlineData("lvae,lvae:batch-norm=maybe", "unknown option 'batch-norm=maybe'")]
    [InlineData("lvae", "1 model")]
    public void AMisspeltRaceIsRejectedInOneLineListingTheSpellings(string spelling, string expected)
    {
        var result = LvaeProcess.Run("live", "--headless", "--race", spelling, "--run-dir", _folder["race"]);

        LvaeProcess.AssertOneLineError(result, expected);
        Assert.Contains("lvae,lvae:batch-norm=off", result.Error);
        Assert.False(Directory.Exists(_folder["race"]), "a refused race wrote its run folder");
    }

    [Fact]
    public void FreeBitsThatFloat32CannotHoldAreRefusedBeforeTraining()
    {
        // 1e308 is a double but no float: clamp_min on the float32 KL used to kill the training thread.
        var error = Assert.Throws<ArgumentException>(() => RaceSpelling.Parse("lvae,lvae:free-bits=1e308", new LvaeConfig(), new TrainOptions()));
        Assert.StartsWith("--free-bits is 1E+308; it must be 0 (off) or a positive number of nats up to 3.4E+38", error.Message);
    }

    [Fact]
    public void SpellingsChangeOnlyWhatTheySayAndKeepTheSeed()
    {
        var config = new LvaeConfig();
        var options = new TrainOptions { Seed = 7, WarmupEpochs = 3 };

        var race = RaceSpelling.Parse("lvae, lvae:batch-norm=off:warmup=0", config, options);

        Assert.Equal(config with { Kind = ModelKind.Lvae }, race[0].Config);
        Assert.Equal((7, 3.0), (race[0].Options.Seed, race[0].Options.WarmupEpochs));
        Assert.False(race[1].Config.BatchNorm);
        Assert.Equal((7, 0.0), (race[1].Options.Seed, race[1].Options.WarmupEpochs));
        Assert.Equal(ModelKind.Vae, RaceSpelling.Parse(RaceSpelling.Default, config, options)[0].Config.Kind);
    }

    [GeneratedRegex(@"race: (?<name1>\S+) step=(?<step1>\d+) kl-points=(?<kl1>\d+) active-unit-points=(?<active1>\d+); (?<name2>\S+) step=(?<step2>\d+) kl-points=(?<kl2>\d+) active-unit-points=(?<active2>\d+)")]
    private static partial Regex RaceLine();

    public void Dispose() => _folder.Dispose();
}
