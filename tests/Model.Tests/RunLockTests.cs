using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class RunLockTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };
    private static readonly TrainOptions Quick = new() { Epochs = 2, BatchSize = 128, TrainLimit = 256, Seed = 3 };
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), $"lvae-lock-{Guid.NewGuid():N}");

    private static TrainingSession Resume(string folder) => TrainingSession.Resume(folder, TestSetup.Train, TestSetup.Test.Take(200), CPU);

    [Fact]
    public void ASecondTrainerOfAFolderIsRefusedWhileTheFirstRunsAndAdmittedAfter()
    {
        using (var first = TrainingSession.Start(_runFolder, Small, Quick, TestSetup.Train, TestSetup.Test.Take(200), CPU))
        {
            var checkpoints = Directory.GetFiles(_runFolder).Order().ToArray();

            var error = Assert.Throws<IOException>(() => Resume(_runFolder));

            Assert.StartsWith($"{_runFolder} is being trained by another lvae", error.Message);
            Assert.DoesNotContain('\n', error.Message);
            Assert.Equal(checkpoints, Directory.GetFiles(_runFolder).Order());
        }
        using (Resume(_runFolder)) { }
    }

    [Fact]
    public void ALockFileLeftBehindHoldsNothing()
    {
        // What a killed trainer leaves: the file without its open handle, whose lock the kernel dropped.
        Directory.CreateDirectory(_runFolder);
        File.WriteAllText(Path.Combine(_runFolder, RunLock.FileName), "");

        using (TrainingSession.Start(_runFolder, Small, Quick, TestSetup.Train, TestSetup.Test.Take(200), CPU)) { }
        using (Resume(_runFolder)) { }
    }

    [Fact]
    public void AFailedOpeningLeavesNoRunFolderItMadeBehind()
    {
        var nested = Path.Combine(_runFolder, "made", "for", "the run");
        var missing = Path.Combine(_runFolder, "no such checkpoint");
        Directory.CreateDirectory(_runFolder);

        Assert.Throws<FileNotFoundException>(() => TrainingSession.StartFrom(missing, nested, 1, 1e-3, TestSetup.Train, TestSetup.Test.Take(200), CPU));

        // The folders the lock made are gone; the one that was there before stays.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_runFolder));
    }

    [Fact]
    public void AFailedOpeningKeepsAFolderThatExistedWithItsFiles()
    {
        var kept = Path.Combine(_runFolder, "notes.txt");
        Directory.CreateDirectory(_runFolder);
        File.WriteAllText(kept, "mine");

        Assert.Throws<FileNotFoundException>(() => TrainingSession.StartFrom(Path.Combine(_runFolder, "missing"), _runFolder, 1, 1e-3, TestSetup.Train, TestSetup.Test.Take(200), CPU));

        Assert.Equal("mine", File.ReadAllText(kept));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runFolder)) Directory.Delete(_runFolder, recursive: true);
    }
}
