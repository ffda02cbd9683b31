using System.Text.Json.Nodes;
using LvaeLive.Host.Tests.Processes;
using LvaeLive.Host.Tests.Recording;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>`--pretrained`: the model in models/ opened at once, trained on from, and named when it is damaged.</summary>
public sealed class PretrainedTests : IDisposable
{
    private const string Shipped = "models/lvae-mnist";
    private const string ShippedVae = "models/vae-mnist";
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void RecordOpensTheShippedModelWithoutTraining()
    {
        var result = LvaeProcess.Run("record", "--pretrained", "--seconds", "0.5", "--fps", "4", "--size", "320x240", "--out", _folder["x.gif"], "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.True(new FileInfo(_folder["x.gif"]).Length > 0);
    }

    [Fact]
    public void ARaceOfThePretrainedOpensBothShippedModelsWithoutACheckpoint()
    {
        var result = LvaeProcess.Run("record", "--race", "--pretrained", "--seconds", "1", "--fps", "2", "--size", "640x360", "--out", _folder["race.mp4"], "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Equal("640,360,2", ExternalTools.Probe(_folder["race.mp4"]));
    }

    [Fact]
    public void ADamagedShippedVaeIsNamedWhenRacing()
    {
        // Both shipped models copied into a folder of their own, the VAE's weights cut short.
        foreach (var model in new[] { Shipped, ShippedVae })
        {
            var copy = Directory.CreateDirectory(_folder[model]).FullName;
            foreach (var name in new[] { "checkpoint.json", "weights.bin" })
                File.Copy(Path.Combine(LvaeProcess.RepositoryRoot, model, name), Path.Combine(copy, name));
        }
        var weights = Path.Combine(_folder[ShippedVae], "weights.bin");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..1000]);

        foreach (var args in new[] { new[] { "live", "--race", "--pretrained", "--headless", "--seconds", "1" }, ["record", "--race", "--pretrained", "--out", _folder["x.mp4"]] })
        {
            var result = ProcessRunner.Run(LvaeProcess.Command(new Dictionary<string, string>(), args) with { WorkingDirectory = _folder.Path }, TimeSpan.FromMinutes(2));
            LvaeProcess.AssertOneLineError(result, $"the shipped model's {Path.Combine(ShippedVae, "weights.bin")} is damaged");
            Assert.Contains("git checkout models/", result.Error);
            Assert.False(File.Exists(_folder["x.mp4"]));
        }
    }

    [Fact]
    public void TrainingOnFromItIsANewRunThatCountsOnFromItsStepsAndHistory()
    {
        var run = _folder["on"];
        var result = LvaeProcess.Run("live", "--pretrained", "--train", "--headless", "--seconds", "8", "--run-dir", run, "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(LvaeProcess.RepositoryRoot, Shipped, "checkpoint.json")))!;
        var saved = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "checkpoint.json")))!;
        Assert.True((long)saved["progress"]!["globalStep"]! > (long)shipped["progress"]!["globalStep"]!, saved.ToJsonString());
        Assert.Equal((double)shipped["training"]!["epochs"]! + 30, (double)saved["training"]!["epochs"]!);
        Assert.Null(saved["weightsOnly"]); // a whole checkpoint: it resumes
        var history = File.ReadLines(Path.Combine(LvaeProcess.RepositoryRoot, Shipped, "metrics.jsonl")).Take(3);
        Assert.Equal(history, File.ReadLines(Path.Combine(run, "metrics.jsonl")).Take(3));
        // The shipped folder is read, never written.
        Assert.Equal(["checkpoint.json", "metrics.jsonl", "weights.bin"],
            Directory.GetFiles(Path.Combine(LvaeProcess.RepositoryRoot, Shipped)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("weights.bin", "damaged")]
    [InlineData("checkpoint.json", "missing")]
    public void ADamagedOrMissingShippedFileIsOneLineNamingItAndHowToRestoreIt(string file, string fault)
    {
        // A copy of models/ in a folder of its own, started from there: lvae looks for models/ in its working folder first.
        var copy = Directory.CreateDirectory(_folder[Shipped]).FullName;
        foreach (var name in new[] { "checkpoint.json", "weights.bin" })
            File.Copy(Path.Combine(LvaeProcess.RepositoryRoot, Shipped, name), Path.Combine(copy, name));
        if (fault == "missing") File.Delete(Path.Combine(copy, file));
        else File.WriteAllBytes(Path.Combine(copy, file), File.ReadAllBytes(Path.Combine(copy, file))[..1000]);

        foreach (var args in new[] { new[] { "live", "--pretrained", "--headless", "--seconds", "1" }, ["record", "--pretrained", "--out", _folder["x.mp4"]] })
        {
            var result = ProcessRunner.Run(LvaeProcess.Command(new Dictionary<string, string>(), args) with { WorkingDirectory = _folder.Path }, TimeSpan.FromMinutes(2));
            LvaeProcess.AssertOneLineError(result, $"the shipped model's {Path.Combine(Shipped, file)} is {fault}");
            Assert.Contains("git checkout models/", result.Error);
            Assert.False(File.Exists(_folder["x.mp4"]));
        }
    }

    [Theory]
    [InlineData("--train", "--train goes with --pretrained")]
    [InlineData("--pretrained --checkpoint runs/x", "--pretrained opens the shipped model")]
    [InlineData("--pretrained --race lvae,lvae", "--race --pretrained shows the shipped VAE and LVAE as they are: drop the race's spelling (lvae,lvae)")]
    [InlineData("--pretrained --run-dir runs/x", "--pretrained alone trains none")]
    [InlineData("--pretrained --train --batch-size 64", "--pretrained and --batch-size conflict")]
    [InlineData("--pretrained --model vae", "--pretrained and --model conflict")]
    [InlineData("--pretrained --train --epochs 0", "--epochs 0: give the number of epochs to train on")]
    public void LiveRefusesWhatDoesNotGoWithTheShippedModel(string options, string expected)
    {
        var result = LvaeProcess.Run(["live", "--headless", "--seconds", "1", .. options.Split(' ')]);
        LvaeProcess.AssertOneLineError(result, expected);
    }
}
