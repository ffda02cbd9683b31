using LvaeLive.Host.Tests.Recording;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Tests.Interop;
using static TorchSharp.torch;

namespace LvaeLive.Host.Tests.Commands;

/// <summary>
/// A model trained by PyTorch's distributed engine (python/lvaelive under torchrun, gloo on the CPU) is a run folder
/// that `lvae record` renders, and two processes take the steps that one takes on the same global batch.
/// </summary>
public sealed class TorchrunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A tiny model without batch norm (which each rank would take over its own rows), four steps.</summary>
    private string[] Train(string folder, int batch) =>
        ["--out", folder, "--data", "data/mnist", "--layers", "4,2", "--hidden", "16,8", "--batch-norm", "off",
         "--steps", "4", "--batch-size", batch.ToString(), "--train-limit", "256", "--warmup-epochs", "0", "--seed", "3"];

    [Fact]
    public void TwoTorchrunProcessesTrainWhatOneDoesOnTheSameGlobalBatchAndLvaeRecordsIt()
    {
        var root = LvaeProcess.RepositoryRoot;
        // torch 1.13's launcher cannot parse its default --redirects under Python 3.11 (its Std flags lost their 0
        // member): redirect only stderr, and tee it back.
        PyTorchPackage.Run(root, "torch.distributed.run", ["--standalone", "--nproc_per_node", "2", "--redirects", "2", "--tee", "2",
            "-m", "lvaelive.train", .. Train(_folder["two"], batch: 32)]).Succeeded();
        PyTorchPackage.Run(root, "train", Train(_folder["one"], batch: 32)).Succeeded();
        PyTorchPackage.Run(root, "train", Train(_folder["other-batch"], batch: 16)).Succeeded();

        using var two = CheckpointStore.LoadModel(_folder["two"], CPU);
        using var one = CheckpointStore.LoadModel(_folder["one"], CPU);
        using var otherBatch = CheckpointStore.LoadModel(_folder["other-batch"], CPU);
        Assert.True(MaxDifference(two, one) < 1e-5, $"two processes and one differ by {MaxDifference(two, one)}");
        // The comparison can tell runs apart: another global batch takes other steps.
        Assert.True(MaxDifference(otherBatch, one) > 1e-3, $"a run on another batch differs by only {MaxDifference(otherBatch, one)}");

        var recording = _folder["two.gif"];
        LvaeProcess.Run("record", "--checkpoint", _folder["two"], "--seconds", "0.5", "--fps", "4", "--size", "640x360",
            "--out", recording, "--threads", "1").Succeeded();
        Assert.True(new FileInfo(recording).Length > 0);
    }

    private static double MaxDifference(Model.HierarchicalModel a, Model.HierarchicalModel b)
    {
        var other = b.state_dict();
        return a.state_dict().Max(entry => (entry.Value.to(ScalarType.Float64) - other[entry.Key].to(ScalarType.Float64)).abs().max().item<double>());
    }
}
