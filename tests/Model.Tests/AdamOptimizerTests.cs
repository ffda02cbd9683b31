using LvaeLive.Model.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

/// <summary>
/// Our Adam replaces TorchSharp's only to hold its scalars: TorchSharp's Adam, on the same parameters and gradients,
/// is the independent reference for both the updates and the saved state (old checkpoints hold the latter).
/// </summary>
public sealed class AdamOptimizerTests
{
    private const double LearningRate = 2e-3;
    private const double Epsilon = 1e-4;

    [Theory]
    [InlineData(false, 0.0)] // the tensor operations: TorchSharp's, in its order, to the bit
    [InlineData(true, 1e-6)] // the CPU kernel: the same arithmetic in one pass, to float rounding
    public void StepsAsTorchSharpsAdamDoes(bool kernel, double tolerance)
    {
        var (ours, theirs) = (Parameters(), Parameters());
        using var adam = new AdamOptimizer(ours, LearningRate, epsilon: Epsilon) { TensorOperationsOnCpu = !kernel };
        using var reference = optim.Adam(theirs, LearningRate, eps: Epsilon);
        for (var step = 1; step <= 5; step++)
        {
            adam.ZeroGrad();
            Loss(ours, step).backward();
            adam.Step();
            reference.zero_grad();
            Loss(theirs, step).backward();
            reference.step();
            if (step == 3) adam.LearningRate = ((TorchSharp.Modules.Adam.ParamGroup)reference.ParamGroups.First()).LearningRate = LearningRate / 2;
        }
        for (var i = 0; i < ours.Length; i++)
            Assert.True(ours[i].allclose(theirs[i], rtol: 0, atol: tolerance), $"parameter {i} differs from TorchSharp's Adam after 5 steps");
    }

    [Theory]
    [InlineData(false, 1e-6)] // libtorch takes the norm of the per-parameter norms: the same number, summed in another order
    [InlineData(true, 1e-6)]
    public void ClipsTheGradientsAsLibtorchsClipGradNormDoes(bool kernel, double tolerance)
    {
        var (ours, theirs) = (Parameters(), Parameters());
        using var adam = new AdamOptimizer(ours, LearningRate, epsilon: Epsilon) { TensorOperationsOnCpu = !kernel };
        using var reference = optim.Adam(theirs, LearningRate, eps: Epsilon);
        // These gradients have norms of tens: a limit of 1 clips them, one of 100 leaves them.
        foreach (var (step, maxNorm) in new[] { (1, 1.0), (2, 100.0), (3, 1.0) })
        {
            adam.ZeroGrad();
            Loss(ours, step * 10).backward();
            adam.Step(maxGradientNorm: maxNorm);
            reference.zero_grad();
            Loss(theirs, step * 10).backward();
            nn.utils.clip_grad_norm_(theirs, maxNorm);
            reference.step();
        }
        for (var i = 0; i < ours.Length; i++)
            Assert.True(ours[i].allclose(theirs[i], rtol: 0, atol: tolerance), $"parameter {i} differs from clipped TorchSharp Adam");
    }

    [Fact]
    public void RefusesAParameterWithoutAGradient()
    {
        var parameters = Parameters();
        using var adam = new AdamOptimizer(parameters, LearningRate);
        adam.ZeroGrad();
        (parameters[0] * parameters[0]).sum().backward();
        var error = Assert.Throws<InvalidOperationException>(() => adam.Step());
        Assert.Equal("parameter 1 of 2 has no gradient", error.Message);
    }

    [Fact]
    public void SavesTheStateThatTorchSharpsAdamSavesAndLoadsIt()
    {
        var (ours, theirs) = (Parameters(), Parameters());
        using var adam = new AdamOptimizer(ours, LearningRate, epsilon: Epsilon);
        using var reference = optim.Adam(theirs, LearningRate, eps: Epsilon);
        adam.ZeroGrad();
        Loss(ours, 1).backward();
        adam.Step();
        reference.zero_grad();
        Loss(theirs, 1).backward();
        reference.step();

        var saved = Saved(adam.Save);
        Assert.Equal(Saved(reference.save_state_dict), saved);

        // A fresh optimizer that loads the state takes the same next step as the one that saved it.
        var resumed = ours.Select(p => new TorchSharp.Modules.Parameter(p.detach().clone())).ToArray();
        using var loaded = new AdamOptimizer(resumed, LearningRate, epsilon: Epsilon);
        loaded.Load(new BinaryReader(new MemoryStream(saved)), "the test's state");
        foreach (var (optimizer, parameters) in new[] { (adam, ours), (loaded, resumed) })
        {
            optimizer.ZeroGrad();
            Loss(parameters, 2).backward();
            optimizer.Step();
        }
        for (var i = 0; i < ours.Length; i++) Assert.True(ours[i].allclose(resumed[i], rtol: 0, atol: 0), $"parameter {i} differs after a reload");
    }

    [Fact]
    public void RefusesTheStateOfAnotherOptimizer()
    {
        var parameters = Parameters();
        using var sgd = optim.SGD(parameters, LearningRate);
        using var adam = new AdamOptimizer(parameters, LearningRate);
        var error = Assert.Throws<InvalidDataException>(() => adam.Load(new BinaryReader(new MemoryStream(Saved(sgd.save_state_dict))), "x.bin"));
        Assert.Equal("x.bin holds the state of a SGD optimizer, not of Adam", error.Message);
    }

    private static TorchSharp.Modules.Parameter[] Parameters()
    {
        using var generator = new Generator(5);
        return [new TorchSharp.Modules.Parameter(randn(3, 4, generator: generator)), new TorchSharp.Modules.Parameter(randn(4, generator: generator))];
    }

    /// <summary>A loss whose gradients differ from step to step and between the parameters.</summary>
    private static Tensor Loss(TorchSharp.Modules.Parameter[] parameters, int step) =>
        (parameters[0].sin() * step).sum() + (parameters[1] * parameters[1]).sum() / step;

    private static byte[] Saved(Action<BinaryWriter> save)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) save(writer);
        return stream.ToArray();
    }
}
