namespace LvaeLive.Model.Tests;

public sealed class ModelSizeTests
{
    public static TheoryData<LvaeConfig> Shapes => new()
    {
        new LvaeConfig(),
        new LvaeConfig { LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8], SeparateTopDown = true },
        new LvaeConfig { LatentSizes = [8, 4], HiddenSizes = [32, 16], BatchNorm = false, Likelihood = Likelihood.Gaussian },
        new LvaeConfig { Kind = ModelKind.Vae, LatentSizes = [8, 4, 2], HiddenSizes = [32, 16, 8] },
        new LvaeConfig { Kind = ModelKind.Vae, LatentSizes = [5], HiddenSizes = [7], BatchNorm = false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ParameterCountFromTheConfigMatchesTheBuiltModel(LvaeConfig config)
    {
        using var model = ModelFactory.ForLoading(config);
        Assert.Equal(model.parameters().Sum(p => p.numel()), (long)ModelSize.Parameters(config));
    }

    [Theory]
    [InlineData(new[] { 2000000000, 4, 2 }, new[] { 16, 8, 4 })]
    [InlineData(new[] { 32, 16, 8 }, new[] { 1000000000, 32, 16 })]
    public void ShapesTooLargeForThisMachineAreRefusedBeforeAnythingIsAllocated(int[] latent, int[] hidden)
    {
        var config = new LvaeConfig { LatentSizes = latent, HiddenSizes = hidden };
        var error = Assert.Throws<ArgumentException>(() => config.Validated());
        Assert.Matches($@"^--layers {string.Join(",", latent)} and --hidden {string.Join(",", hidden)} make a model of \S+ parameters, which needs [\d,.]+ GiB to train .* more than the [\d,.]+ GiB of this machine; give smaller sizes$", error.Message);
        // The model's constructor validates first, so it fails the same way instead of aborting in libtorch's allocator.
        Assert.Equal(error.Message, Assert.Throws<ArgumentException>(() => new LadderVae(config, weights: null)).Message);
    }
}
