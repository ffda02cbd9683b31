using System.Diagnostics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>
/// A seed gives the same initial weights in any process: they come from a generator of the model's own, never from
/// libtorch's global one, which other code (and, in Host's tests, other test classes running beside) draws from.
/// </summary>
public sealed class InitialWeightsTests
{
    [Fact]
    public void TheSameSeedGivesBitIdenticalWeightsInSeparateProcesses()
    {
        var first = InitialWeightsInANewProcess(seed: 7);
        var second = InitialWeightsInANewProcess(seed: 7);
        Assert.Matches("^[0-9A-F]{64}$", first);
        Assert.Equal(first, second);

        // And in this process too, after the global generator was seeded and drawn from.
        manual_seed(12345);
        using (var drawn = randn(1000)) { }
        using var here = ModelFactory.Create(new LvaeConfig(), seed: 7);
        Assert.Equal(first, HelperProgram.WeightsDigest(here));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentWeightsInEveryLayer()
    {
        using var a = ModelFactory.Create(new LvaeConfig(), seed: 7);
        using var b = ModelFactory.Create(new LvaeConfig(), seed: 8);
        Assert.NotEqual(HelperProgram.WeightsDigest(a), HelperProgram.WeightsDigest(b));
        var weightsB = b.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, weight) in a.named_parameters().Where(p => p.name.EndsWith("dense.weight", StringComparison.Ordinal)))
            Assert.False(weight.eq(weightsB[name]).all().item<bool>(), $"{name} is the same for seeds 7 and 8");
    }

    [Fact]
    public void CreatingAModelNeitherReadsNorAdvancesTheGlobalGenerator()
    {
        manual_seed(3);
        using var before = TorchSharp.torch.random.get_rng_state();
        using (ModelFactory.Create(new LvaeConfig { Kind = ModelKind.Vae }, seed: 1)) { }
        using (ModelFactory.Create(new LvaeConfig { SeparateTopDown = true }, seed: 2)) { }
        using (ModelFactory.ForLoading(new LvaeConfig())) { }
        using var after = TorchSharp.torch.random.get_rng_state();
        Assert.True(before.eq(after).all().item<bool>(), "making a model changed the global generator's state");
    }

    [Fact]
    public void DenseWeightsAreGlorotNormalAndBiasesZero()
    {
        // TorchSharp 0.107's nn.init.xavier_normal_ fills a uniform distribution (bounded by sqrt(6 / (in + out))); the
        // reference's Glorot-normal weights reach past that bound.
        using var model = ModelFactory.Create(new LvaeConfig(), seed: 1);
        var first = model.named_modules().Single(m => m.name == "bottomUp.0.first.dense").module as Linear;
        var (inputs, outputs) = (first!.weight.shape[1], first.weight.shape[0]);
        var deviation = Math.Sqrt(2.0 / (inputs + outputs));
        Assert.InRange(first.weight.std().item<float>(), 0.98 * deviation, 1.02 * deviation);
        Assert.True(first.weight.abs().max().item<float>() > 1.5 * Math.Sqrt(6.0 / (inputs + outputs)), "the weights look uniform, not normal");
        Assert.All(model.named_parameters().Where(p => p.name.EndsWith(".bias", StringComparison.Ordinal) && !p.name.Contains("Norm") && !p.name.Contains(".norm")),
            p => Assert.Equal(0, p.parameter.abs().max().item<float>()));
    }

    /// <summary>The digest of the initial weights for <paramref name="seed"/>, from a fresh `dotnet` process running <see cref="HelperProgram"/>.</summary>
    private static string InitialWeightsInANewProcess(int seed)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(HelperProgram).Assembly.Location, "initial-weights", seed.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the helper process did not finish within 2 minutes");
        }
        Assert.True(process.ExitCode == 0, $"the helper exited with {process.ExitCode}: {error.Result}");
        return output.Result.Trim();
    }
}
