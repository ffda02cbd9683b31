using LvaeLive.Host.Recording;
using LvaeLive.Files.Time;
using SkiaSharp;

namespace LvaeLive.Host.Tests.Recording;

public sealed class RecorderTests : IDisposable
{
    private const int Width = 64;
    private const int Height = 48;

    // Tests want every frame: Submit may wait for the encoder instead of dropping.
    private static readonly RecorderOptions Patient = new() { SubmitWait = TimeSpan.FromSeconds(20) };

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("clip.mp4", 30)]
    [InlineData("clip.gif", 12)]
    public void FramesBecomeAVideoOfThatManyFramesAndThatSize(string name, int frames)
    {
        var path = _folder[name];
        var result = Record(new Recorder(Patient), path, frames);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(path, result.Path);
        Assert.Equal((frames, 0), (result.FramesWritten, result.FramesDropped));
        Assert.Equal($"{Width},{Height},{frames}", ExternalTools.Probe(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder.Path)); // No temporary file left beside it.
    }

    [Fact]
    public void WithoutFfmpegItWritesPngFilesWithTheSamePixelsAndSaysSo()
    {
        using var recorder = new Recorder(Patient with { FfmpegPath = _folder["no-such-ffmpeg"] });
        Assert.True(recorder.Start(_folder["clip.mp4"], 30, Width, Height));
        Assert.Contains("PNG", recorder.Status);
        for (var i = 0; i < 5; i++)
            Assert.True(recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height));
        var result = recorder.Stop();

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(_folder["clip-png"], result.Path);
        var files = Directory.GetFiles(result.Path!).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Path.Combine(result.Path!, PngSequenceSink.FrameName(i))), files);
        for (var i = 0; i < 5; i++)
            Assert.Equal(TestFrames.Gradient(i, Width, Height), ReadPng(files[i]));
    }

    [Fact]
    public void AFrameOfAnotherSizeIsScaledIntoTheRecordingSize()
    {
        using var recorder = new Recorder(Patient with { FfmpegPath = _folder["no-such-ffmpeg"] });
        Assert.True(recorder.Start(_folder["resized.mp4"], 30, 9, 5)); // Odd: rounded down to 8x4.
        var wide = new byte[4 * 1 * 4];
        wide.AsSpan().Fill(200);
        Assert.True(recorder.Submit(wide, 4, 1));
        var result = recorder.Stop();

        Assert.True(result.Succeeded, result.Message);
        var pixels = ReadPng(Path.Combine(result.Path!, PngSequenceSink.FrameName(0)), 8, 4);
        // A 4x1 frame fits 8x4 as 8x2, centred: rows 1 and 2 carry it, rows 0 and 3 are opaque black.
        for (var y = 0; y < 4; y++)
        {
            var expected = y is 1 or 2 ? (byte)200 : (byte)0;
            Assert.Equal(expected, pixels[y * 8 * 4]);
            Assert.Equal(y is 1 or 2 ? (byte)200 : (byte)255, pixels[y * 8 * 4 + 3]);
        }
    }

    [Fact]
    public void AnUnwritableFolderIsAMessageNotAnException()
    {
        File.WriteAllText(_folder["file"], "a regular file, so no folder can be made under it, even by root");
        using var recorder = new Recorder(Patient);

        Assert.False(recorder.Start(_folder["file/sub/clip.mp4"], 30, Width, Height));
        Assert.False(recorder.IsRecording);
        Assert.Contains("cannot record", recorder.Status);
        Assert.False(recorder.Submit(TestFrames.Gradient(0, Width, Height), Width, Height));
        Assert.False(recorder.Stop().Succeeded);
    }

    [Fact]
    public void AnEncoderThatFailsMidwayStopsTheRecordingWithItsStderrAndLeavesNoFile()
    {
        var ffmpeg = ExternalTools.FakeFfmpeg(_folder.Path, "echo 'av_interleaved_write_frame(): No space left on device' >&2; exit 1");
        using var recorder = new Recorder(Patient with { FfmpegPath = ffmpeg });
        var path = _folder["full.mp4"];
        Assert.True(recorder.Start(path, 30, Width, Height));
        for (var i = 0; i < 40; i++)
            recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height);
        var result = recorder.Stop();

        Assert.False(result.Succeeded);
        Assert.Null(result.Path);
        Assert.Contains("No space left on device", result.Message);
        Assert.Equal(result.Message, recorder.Status);
        Assert.Equal(["fake-ffmpeg.sh"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AFullDiskFailsTheRecordingEvenWhenFfmpegExitsNormallyAndLeavesNoFile()
    {
        // ffmpeg 5 reports the MP4 trailer it could not write on stderr, then exits 0 with an unplayable file.
        using var full = new FullFilesystem();
        using var recorder = new Recorder(Patient);
        Assert.True(recorder.Start(full["clip.mp4"], 30, Width, Height), recorder.Status);
        for (var i = 0; i < 60; i++)
            recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height);
        var result = recorder.Stop();

        Assert.False(result.Succeeded, result.Message);
        Assert.Null(result.Path);
        Assert.Contains("No space left on device", result.Message);
        Assert.Empty(Directory.GetFileSystemEntries(full.Path));
    }

    [Fact]
    public void AnEncoderThatExitsNormallyWithoutAReadableVideoFailsTheRecording()
    {
        var ffmpeg = ExternalTools.FakeFfmpeg(_folder.Path, "cat > /dev/null; echo 'wrote nothing' >&2");
        using var recorder = new Recorder(Patient with { FfmpegPath = ffmpeg });
        Assert.True(recorder.Start(_folder["empty.mp4"], 30, Width, Height));
        for (var i = 0; i < 5; i++)
            Assert.True(recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height));
        var result = recorder.Stop();

        Assert.False(result.Succeeded, result.Message);
        Assert.Contains("ffprobe", result.Message);
        Assert.Contains("wrote nothing", result.Message);
        Assert.Equal(["fake-ffmpeg.sh"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WhenEveryFrameCountsADroppedFrameFailsTheRecordingInsteadOfFinishingIt()
    {
        var ffmpeg = ExternalTools.FakeFfmpeg(_folder.Path, "exec sleep 30"); // Never reads its input.
        var options = new RecorderOptions
        {
            FfmpegPath = ffmpeg, QueueCapacity = 2, SubmitWait = TimeSpan.FromMilliseconds(100), FinishTimeout = TimeSpan.FromSeconds(2), EveryFrame = true,
        };
        using var recorder = new Recorder(options);
        Assert.True(recorder.Start(_folder["stalled.mp4"], 30, Width, Height));
        var frame = TestFrames.Gradient(0, Width, Height);
        var handedOver = 0;
        while (handedOver < 100 && recorder.Submit(frame, Width, Height))
            handedOver++;
        var result = recorder.Stop();

        Assert.True(handedOver < 100, "the stalled encoder took every frame");
        Assert.False(recorder.Submit(frame, Width, Height));
        Assert.False(result.Succeeded);
        Assert.Contains("could not be handed to the encoder", result.Message);
        Assert.Equal(["fake-ffmpeg.sh"], Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StoppingOnACancelledTokenRemovesThePartialRecording(bool withFfmpeg)
    {
        using var recorder = new Recorder(withFfmpeg ? Patient : Patient with { FfmpegPath = _folder["no-such-ffmpeg"] });
        Assert.True(recorder.Start(_folder["clip.mp4"], 30, Width, Height));
        for (var i = 0; i < 5; i++)
            Assert.True(recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height));
        var result = recorder.Stop(new CancellationToken(canceled: true));

        Assert.False(result.Succeeded, result.Message);
        Assert.Null(result.Path);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void AStalledEncoderMakesFramesDropWithoutBlockingTheProducer()
    {
        var ffmpeg = ExternalTools.FakeFfmpeg(_folder.Path, "exec sleep 30"); // Never reads its input.
        var options = new RecorderOptions { FfmpegPath = ffmpeg, QueueCapacity = 2, FinishTimeout = TimeSpan.FromSeconds(2) };
        using var recorder = new Recorder(options);
        Assert.True(recorder.Start(_folder["stalled.mp4"], 30, Width, Height));

        var clock = WallClock.StartNew();
        var frame = TestFrames.Gradient(0, Width, Height);
        for (var i = 0; i < 100; i++)
            recorder.Submit(frame, Width, Height);
        var submitting = clock.Elapsed;
        var result = recorder.Stop();

        Assert.True(submitting < TimeSpan.FromSeconds(2), $"100 submits took {submitting}");
        Assert.True(result.FramesDropped > 50, $"only {result.FramesDropped} frames dropped");
        Assert.False(result.Succeeded);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_folder.Path), entry => entry.EndsWith(".mp4") || entry.EndsWith(".partial"));
    }

    [Fact]
    public void ABareNameRecordsIntoTheRecordingsFolder()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine("recordings", "morph.gif")), RecordingPaths.Resolve("morph.gif"));
        Assert.Equal(_folder["morph.gif"], RecordingPaths.Resolve(_folder["morph.gif"]));
    }

    [Fact]
    public void UnsupportedExtensionsAndSizesAreRejectedUpFront()
    {
        using var recorder = new Recorder();
        Assert.Contains(".mp4 or .gif", Assert.Throws<ArgumentException>(() => recorder.Start(_folder["clip.avi"], 30, Width, Height)).Message);
        Assert.Equal("--record-fps is 0; it must be 1 to 240 frames per second",
            Assert.Throws<ArgumentException>(() => recorder.Start(_folder["clip.mp4"], 0, Width, Height)).Message);
        Assert.Throws<ArgumentException>(() => recorder.Start(_folder["clip.mp4"], 30, 1, Height));
    }

    private static RecordingResult Record(Recorder recorder, string path, int frames)
    {
        using (recorder)
        {
            Assert.True(recorder.Start(path, 30, Width, Height), recorder.Status);
            for (var i = 0; i < frames; i++)
                Assert.True(recorder.Submit(TestFrames.Gradient(i, Width, Height), Width, Height));
            return recorder.Stop();
        }
    }

    private static byte[] ReadPng(string path, int width = Width, int height = Height)
    {
        using var codec = SKCodec.Create(path);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
        using var bitmap = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        return bitmap.GetPixelSpan().ToArray();
    }
}
