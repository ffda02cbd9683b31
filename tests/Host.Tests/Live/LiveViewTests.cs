using LvaeLive.Host.Loop;
using LvaeLive.Host.Session;
using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Training;
using LvaeLive.Render.Gpu;
using LvaeLive.Shaders.Canvas;
using TorchSharp;

namespace LvaeLive.Host.Tests.Live;

public sealed class LiveViewTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void TrainingBesideTheRenderLoopMakesProgressAndFramesLeakNoTensors()
    {
        torch.set_num_threads(1);
        var validation = new List<string>();
        var session = TinyRun.Start(_folder["run"]);
        using var live = ModelSide.Train(session, TinyRun.Test);
        var view = live.OpenSession(seed: 1, "cpu", _ => { });
        var scene = view.Scene;
        using var canvas = new HeadlessCanvas(new(640, 360), new GpuOptions { EnableValidation = true, OnValidationMessage = m => validation.Add(m.ToString()) });
        var output = new HeadlessOutput(canvas);
        var elbos = new List<double>();
        session.Trainer.Model.train();

        live.Training!.Start();
        long liveAfter10 = 0;
        var clock = new FrameClock(30);
        for (var frame = 1; frame <= 300; frame++)
        {
            view.Advance(clock.NextFrame());
            output.Render(view.Frame, readBack: false);
            if (frame == 10) liveAfter10 = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }
        Assert.Equal(liveAfter10, DisposeScopeManager.Statistics.ThreadTotalLiveCount);

        // Training ran beside the frames: wait (with a deadline) for 80 steps, then compare the start and the end.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (session.Trainer.Progress.GlobalStep < 80 && !deadline.IsCancellationRequested) Thread.Sleep(20);
        live.Training.Stop();
        var log = MetricsLog.Read(session.RunFolder, long.MaxValue).Where(e => e.Elbo is not null).ToArray();
        Assert.True(log.Length >= 4, $"only {log.Length} logged steps");
        Assert.True(log[^1].Elbo > log[0].Elbo + 100, $"ELBO went from {log[0].Elbo:F1} to {log[^1].Elbo:F1}; expected a rise of over 100 nats");
        Assert.True(scene.Latent.WeightsStep > 0, "the view never received trained weights");
        Assert.Empty(validation);
    }

    [Fact]
    public void RecordingTwiceWithTheSameSeedGivesTheSameFrames()
    {
        TinyRun.Checkpoint(_folder["run"], steps: 20);
        string Record(string name, int seed)
        {
            var result = LvaeProcess.Run("record", "--checkpoint", _folder["run"], "--seconds", "1", "--fps", "10", "--size", "320x240",
                "--paths-seed", seed.ToString(), "--out", _folder[name], "--threads", "1");
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            Assert.Equal("320,240,10", ExternalTools.Probe(_folder[name]));
            return ExternalTools.Run("ffmpeg", "-v", "error", "-i", _folder[name], "-f", "framemd5", "-");
        }

        var first = Record("a.mp4", 3);
        Assert.Equal(first, Record("b.mp4", 3));
        Assert.NotEqual(first, Record("c.mp4", 4));
    }

    [Fact]
    public void HeadlessLiveRunsRecordsAndSavesACheckpointWhenItStops()
    {
        var result = LvaeProcess.Run("live", "--headless", "--seconds", "6", "--run-dir", _folder["run"], "--record", _folder["live.mp4"],
            "--layers", "8,4,2", "--hidden", "64,32,16", "--batch-size", "64", "--train-limit", "2048", "--fps-cap", "20");
        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("state: tile=0 layer=1 mode=walk", result.Output);
        Assert.True(File.Exists(Path.Combine(_folder["run"], "checkpoint.json")));
        var probe = ExternalTools.Probe(_folder["live.mp4"]).Split(',');
        Assert.Equal(["1280", "720"], probe[..2]);
        Assert.True(int.Parse(probe[2]) > 0, "the recording has no frames");
    }

    [Fact]
    public void HeadlessLiveWhoseRecordingAFullDiskSpoiledExitsNonZeroInOneLineAndKeepsNoFile()
    {
        TinyRun.Checkpoint(_folder["run"], steps: 2);
        using var full = new FullFilesystem();
        var result = LvaeProcess.Run("live", "--headless", "--no-train", "--checkpoint", _folder["run"], "--seconds", "3", "--size", "320x240",
            "--record", full["live.mp4"], "--threads", "1");

        // It used to exit 0, as if the recording had been made.
        LvaeProcess.AssertOneLineError(result, "No space left on device");
        Assert.Contains("choose another --record", result.Error);
        Assert.Contains("state: tile=0 layer=1 mode=walk", result.Output);
        Assert.Contains(result.Output.Split('\n'), line => line.StartsWith("lvae: recording stopped: ") && line.Contains("No space left on device"));
        Assert.DoesNotContain("recorded", result.Output);
        Assert.Empty(Directory.GetFileSystemEntries(full.Path));
    }

    [Fact]
    public void HeadlessLiveRemovesWhatKilledRunsLeftInItsRunAndRecordingFolders()
    {
        var ended = ExternalTools.EndedProcessId();
        Directory.CreateDirectory(_folder["run"]);
        Directory.CreateDirectory(_folder["clips"]);
        var left = new[] { _folder[$"run/.checkpoint-e0001-s000000004.bin.{ended}.partial"], _folder[$"clips/.old.mp4.{ended}.partial"] };
        foreach (var file in left) File.WriteAllText(file, "cut short");

        var result = LvaeProcess.Run("live", "--headless", "--seconds", "1", "--run-dir", _folder["run"], "--record", _folder["clips/live.mp4"],
            "--layers", "8,4,2", "--hidden", "64,32,16", "--batch-size", "64", "--train-limit", "2048", "--size", "320x240", "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains($"lvae: removed what interrupted runs left: {left[0]}, {left[1]}\n", result.Error);
        Assert.All(left, file => Assert.False(File.Exists(file), file));
    }

    public void Dispose() => _folder.Dispose();
}
