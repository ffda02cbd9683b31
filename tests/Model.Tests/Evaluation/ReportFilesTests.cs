using LvaeLive.Files;
using LvaeLive.Model.Evaluation;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-report-test-{Guid.NewGuid():N}");

    [Fact]
    public void AFailedWriteLeavesThePreviousReportWholeAndNoTemporaryFiles()
    {
        var previous = new ReportFiles();
        previous.Add("figure.png", [1, 2, 3]);
        previous.Add("report.json", "{\"old\": true}");
        previous.WriteTo(_folder);

        // The second file cannot be written (a folder holds its temporary name): nothing may change.
        var blocked = TemporaryName.For(Path.Combine(_folder, "blocked.png"));
        Directory.CreateDirectory(blocked);
        var next = new ReportFiles();
        next.Add("figure.png", [9, 9]);
        next.Add("blocked.png", [4]);
        next.Add("report.json", "{\"old\": false}");
        Assert.True(Record.Exception(() => next.WriteTo(_folder)) is IOException or UnauthorizedAccessException);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_folder, "figure.png")));
        Assert.Equal("{\"old\": true}", File.ReadAllText(Path.Combine(_folder, "report.json")));
        Assert.Equal([blocked], Directory.EnumerateFileSystemEntries(_folder, "*.partial"));
    }

    [Fact]
    public void AFolderUnderAFileIsRefusedBeforeAnythingRuns()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "");
        var error = Assert.Throws<IOException>(() => ReportFiles.EnsureWritable(Path.Combine(file, "report")));
        Assert.Contains("is a file", error.Message);
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public void NonFiniteFiguresAreWrittenAsNamedLiteralsAndReadBack()
    {
        var json = ReportText.Json(new IwEstimate([double.NegativeInfinity], [double.NaN], 1));
        Assert.Contains("\"-Infinity\"", json);
        var read = System.Text.Json.JsonSerializer.Deserialize<IwEstimate>(json, LvaeLive.Model.Checkpoints.CheckpointStore.Json)!;
        Assert.Equal(double.NegativeInfinity, read.LogLikelihood[0]);
        Assert.True(double.IsNaN(read.MeanLogWeight[0]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
