using System.Text.Json;
using System.Text.Json.Nodes;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Data;
using LvaeLive.Model.Evaluation;
using LvaeLive.Model.Training;

namespace LvaeLive.Model.Tests.Evaluation;

public sealed class EvaluationReportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lvae-report-format-{Guid.NewGuid():N}");

    [Fact]
    public void AReportWithLayerEffectsReadsBackWhole()
    {
        var report = Sample(ModelKind.Lvae);
        var json = ReportText.Json(report);

        var read = JsonSerializer.Deserialize<EvaluationReport>(json, CheckpointStore.Json)!;

        Assert.Equal(json, ReportText.Json(read));
        Assert.Equal(EvaluationReport.CurrentFormat, read.Format);
        Assert.Equal([0.1234, 0.05, 0], read.Layers.Select(l => l.PixelChange));
        Assert.Equal([0.75, 0.25, 0], read.Layers.Select(l => l.ClassChange));
        Assert.Equal(2000, read.EffectDraws);
        Assert.Equal(0.981, read.ClassifierAccuracy);
    }

    [Fact]
    public void AFormatOneReportStillReadsWithoutTheLayerEffects()
    {
        var json = FormatOne(ReportText.Json(Sample(ModelKind.Vae)));

        var read = JsonSerializer.Deserialize<EvaluationReport>(json, CheckpointStore.Json)!;

        Assert.Equal(1, read.Format);
        Assert.Equal(-95.5, read.LogLikelihood);
        Assert.All(read.Layers, layer => Assert.Equal((0.0, 0.0), (layer.PixelChange, layer.ClassChange)));
        Assert.Equal(0, read.EffectDraws);
    }

    [Fact]
    public void TheComparisonTableShowsEachLayersEffects()
    {
        var training = new TrainOptions();
        var report = new ComparisonReport
        {
            Models = [new ComparedResult("vae", "VAE", training, "runs/vae/eval", Sample(ModelKind.Vae)), new ComparedResult("lvae", "LVAE", training, "runs/lvae/eval", Sample(ModelKind.Lvae))],
        };

        ComparisonFiles.Build(report, NamedDrawing.Instance).WriteTo(_folder);

        var markdown = File.ReadAllText(Path.Combine(_folder, ComparisonFiles.Markdown));
        Assert.Contains("| pixel change per layer | class change per layer |", markdown);
        Assert.Contains("| 12.34 % / 5.00 % / 0.00 % | 75.0 % / 25.0 % / 0.0 % |", markdown);
        Assert.Contains("over 2000 draws from the prior", markdown);
        Assert.Contains("with 98.1 % test accuracy", markdown);
    }

    [Fact]
    public void TheReportAsksForItsDigitGridsAndFiguresUnderTheirNames()
    {
        var report = Sample(ModelKind.Lvae);
        using var model = ModelFactory.Create(report.Config, seed: 1);
        using var images = TestImages.Prepare(TestSetup.Test.Take(60), Likelihood.Bernoulli, TorchSharp.torch.CPU);

        EvaluationFiles.Build(report, model, images, "runs/sample", NamedDrawing.Instance).WriteTo(_folder);

        string Picture(string name) => File.ReadAllText(Path.Combine(_folder, name));
        Assert.Equal("digit grid: 100 digits, 10 a row", Picture(EvaluationFiles.PriorSamples));
        // 50 test digits, each followed by its reconstruction.
        Assert.Equal("digit grid: 100 digits, 10 a row, in pairs", Picture(EvaluationFiles.Reconstructions));
        Assert.Equal("active units: Active units per layer: LVAE", Picture(EvaluationFiles.ActiveUnitsFigure));
        Assert.StartsWith("PCA: ", Picture(EvaluationFiles.PcaFigure));
        Assert.StartsWith("layer effects: ", Picture(EvaluationFiles.LayerEffectsFigure));
    }

    /// <summary>A report of a three-layer model whose top layer changes nothing.</summary>
    internal static EvaluationReport Sample(ModelKind kind) => new()
    {
        Model = "sample",
        Config = new LvaeConfig { Kind = kind, LatentSizes = [8, 4, 2], HiddenSizes = [64, 32, 16] },
        EpochsTrained = 3,
        WeightsSha256 = new string('a', 64),
        Images = 100,
        IwSamples = 50,
        LogLikelihood = -95.5,
        Elbo = -99.25,
        Reconstruction = -80,
        Layers =
        [
            new LayerReport(1, 8, 12.5, 6, [0.5, 0.2], [0.7, 0.3], PixelChange: 0.1234, ClassChange: 0.75),
            new LayerReport(2, 4, 3.5, 2, [0.3, 0.1], [0.9, 0.1], PixelChange: 0.05, ClassChange: 0.25),
            new LayerReport(3, 2, 0, 0, [0, 0], [0.5, 0.5], PixelChange: 0, ClassChange: 0),
        ],
        Timing = new EvaluationTiming(10, 8, 625),
        EffectDraws = 2000,
        ClassifierAccuracy = 0.981,
    };

    /// <summary>The report as a build before the layer effects wrote it: format 1, without their fields.</summary>
    internal static string FormatOne(string json)
    {
        var report = JsonNode.Parse(json)!.AsObject();
        report["format"] = 1;
        report.Remove("effectDraws");
        report.Remove("classifierAccuracy");
        foreach (var layer in report["layers"]!.AsArray())
        {
            layer!.AsObject().Remove("pixelChange");
            layer.AsObject().Remove("classChange");
        }
        return report.ToJsonString(CheckpointStore.Json);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
