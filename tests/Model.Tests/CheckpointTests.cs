using System.Text.Json.Nodes;
using LvaeLive.Model.Checkpoints;
using LvaeLive.Model.Training;
using static TorchSharp.torch;

namespace LvaeLive.Model.Tests;

public sealed class CheckpointTests : IDisposable
{
    private static readonly LvaeConfig Small = new() { LatentSizes = [8, 4], HiddenSizes = [64, 32] };
    // On a cosine, so that a resumed run's rate must come back with its epoch.
    private static readonly TrainOptions Quick = new() { Epochs = 3, BatchSize = 128, TrainLimit = 1024, WarmupEpochs = 1.5, Seed = 21, LearningRateSchedule = LearningRateSchedule.Cosine };
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), $"lvae-test-{Guid.NewGuid():N}");

    private static TrainingSession Start(string folder, LvaeConfig? config = null) =>
        TrainingSession.Start(folder, config ?? Small, Quick, TestSetup.Train, TestSetup.Test.Take(500), CPU);

    [Fact]
    public void CheckpointRoundTripsBitExactly()
    {
        using var session = Start(_runFolder);
        for (var i = 0; i < 5; i++) session.StepOnce(_ => { });
        CheckpointStore.Save(_runFolder, session.Trainer);

        using var loaded = CheckpointStore.LoadModel(_runFolder, CPU);
        var saved = session.Trainer.Model.state_dict();
        var restored = loaded.state_dict();
        Assert.Equal(saved.Keys, restored.Keys);
        foreach (var (name, tensor) in saved)
            Assert.True(tensor.bytes.SequenceEqual(restored[name].bytes), $"{name} differs after the round trip");
    }

    [Fact]
    public void ResumedRunRepeatsTheLossesOfAnUninterruptedOne()
    {
        // 8 steps an epoch: stop mid-epoch 1 (step 11), so the resumed part crosses an epoch boundary, a warm-up
        // step and a re-binarization.
        const int stopAt = 11, total = 20;
        var uninterrupted = new List<double>();
        using (var session = Start(Path.Combine(_runFolder, "a")))
            for (var i = 0; i < total; i++)
                uninterrupted.Add(session.StepOnce(_ => { }).Step.Elbo);

        var resumed = new List<double>();
        var folder = Path.Combine(_runFolder, "b");
        using (var session = Start(folder))
        {
            for (var i = 0; i < stopAt; i++) resumed.Add(session.StepOnce(_ => { }).Step.Elbo);
            session.Run(_ => { }, new CancellationToken(canceled: true));
        }
        using (var session = TrainingSession.Resume(folder, TestSetup.Train, TestSetup.Test.Take(500), CPU))
        {
            Assert.Equal(stopAt, session.Trainer.Progress.GlobalStep);
            for (var i = stopAt; i < total; i++) resumed.Add(session.StepOnce(_ => { }).Step.Elbo);
        }

        for (var i = 0; i < total; i++)
            Assert.True(Math.Abs(uninterrupted[i] - resumed[i]) <= 1e-5 * Math.Abs(uninterrupted[i]), $"step {i}: {uninterrupted[i]} uninterrupted, {resumed[i]} resumed");
    }

    [Fact]
    public void CheckpointOfAnotherShapeFailsNamingTheMismatch()
    {
        using (var session = Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        var other = info with { Model = info.Model with { LatentSizes = [8, 6] } };
        using var model = ModelFactory.ForLoading(other.Model);
        using var trainer = new Trainer(model, Quick, TestSetup.Train, CPU);
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.Restore(folder, info, trainer));
        Assert.Contains("8-6", error.Message);

        // The weights file itself also refuses a model of another shape, naming the tensor.
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile),
            System.Text.Json.JsonSerializer.Serialize(other, CheckpointStore.Json));
        var loadError = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
        Assert.Matches(@"\[6, \d+\].*\[4, \d+\]|\[4, \d+\].*\[6, \d+\]|\[\d+, 4\].*\[\d+, 6\]|\[\d+, 6\].*\[\d+, 4\]|\[4\].*\[6\]|\[6\].*\[4\]", loadError.Message);
    }

    [Fact]
    public void TruncatedWeightsFileIsReportedAndTheIndexStillNamesAWholeFile()
    {
        using (var session = Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        var weights = Path.Combine(folder, info.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
        Assert.Contains("truncated or corrupted", error.Message);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.partial"));
    }

    [Fact]
    public void WeightsFileWhoseHashMatchesButDoesNotParseIsNotCalledTruncated()
    {
        using (var session = Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        var weights = Path.Combine(folder, info.WeightsFile);
        var whole = File.ReadAllBytes(weights);
        var random = new byte[whole.Length];
        new Random(5).NextBytes(random);

        foreach (var bytes in new[] { random, whole[..64] })
        {
            File.WriteAllBytes(weights, bytes);
            var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
            File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile),
                System.Text.Json.JsonSerializer.Serialize(info with { WeightsSha256 = sha }, CheckpointStore.Json));
            var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
            Assert.StartsWith($"{weights} is not a valid weights file", error.Message);
        }
    }

    [Theory]
    [InlineData("count", int.MaxValue, "2147483647 tensors")]
    [InlineData("count", -1, "-1 tensors")]
    [InlineData("rank", int.MaxValue, "2147483647 dimensions in ")]
    [InlineData("length", -1, "-1 bytes in ")]
    public void ACraftedCountRankOrLengthIsRefusedNamingTheFile(string field, int value, string claim)
    {
        using (var session = Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        var weights = Path.Combine(folder, info.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        // Where each field of the first tensor sits: after the header, the count, then the name, type, rank, sizes and length.
        using var reader = new BinaryReader(new MemoryStream(bytes));
        reader.ReadString();
        var count = reader.BaseStream.Position;
        reader.ReadInt32();
        reader.ReadString();
        reader.ReadInt32();
        var rank = reader.BaseStream.Position;
        var length = rank + sizeof(int) + reader.ReadInt32() * sizeof(long);
        BitConverter.TryWriteBytes(bytes.AsSpan((int)(field switch { "count" => count, "rank" => rank, _ => length })), value);
        File.WriteAllBytes(weights, bytes);
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile), System.Text.Json.JsonSerializer.Serialize(
            info with { WeightsSha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)) }, CheckpointStore.Json));

        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.LoadModel(folder, CPU));
        Assert.StartsWith($"{weights} is not a valid weights file: it claims {value} ", error.Message);
        Assert.Contains(claim, error.Message);
    }

    [Theory]
    [InlineData("moment rank", int.MaxValue, "rank 2147483647")]
    [InlineData("moment size", int.MaxValue, "size 2147483647 in dimension 0")]
    [InlineData("state length", -1, "-1 bytes of the epoch's data order")]
    [InlineData("state length", int.MaxValue, "2147483647 bytes of the epoch's data order")]
    public void ACraftedOptimizerStateIsRefusedOnResumeNamingTheFile(string field, int value, string claim)
    {
        using (Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        var weights = Path.Combine(folder, info.WeightsFile);
        var bytes = File.ReadAllBytes(weights);
        // Past the header and the state dict to the optimizer state: name, two counts, six doubles and two flags,
        // then per parameter its step count and two moments (type, rank and sizes in 7-bit numbers, then floats).
        using var reader = new BinaryReader(new MemoryStream(bytes));
        reader.ReadString();
        for (var tensors = reader.ReadInt32(); tensors > 0; tensors--)
        {
            reader.ReadString();
            reader.ReadInt32();
            Skip(reader, reader.ReadInt32() * sizeof(long));
            Skip(reader, reader.ReadInt32());
        }
        reader.ReadString();
        reader.Read7BitEncodedInt64();
        var parameters = reader.Read7BitEncodedInt64();
        reader.BaseStream.Position += 6 * sizeof(double) + 2;
        (long Start, long End) rank = default, size = default;
        for (var parameter = 0; parameter < parameters; parameter++)
        {
            reader.ReadInt64();
            for (var moment = 0; moment < 2; moment++)
            {
                reader.Read7BitEncodedInt64();
                var at = reader.BaseStream.Position;
                var dimensions = reader.Read7BitEncodedInt64();
                if (parameter == 0 && moment == 0) rank = (at, reader.BaseStream.Position);
                var elements = (long)sizeof(float);
                for (var d = 0; d < dimensions; d++)
                {
                    at = reader.BaseStream.Position;
                    elements *= reader.Read7BitEncodedInt64();
                    if (parameter == 0 && moment == 0 && d == 0) size = (at, reader.BaseStream.Position);
                }
                Skip(reader, elements);
            }
            reader.ReadBoolean();
        }
        var length = reader.BaseStream.Position;
        // A 7-bit field is replaced by the (longer) encoding of the value; a length is an int in place.
        var crafted = field == "state length" ? bytes.ToArray() : Splice(bytes, field == "moment rank" ? rank : size, value);
        if (field == "state length") BitConverter.TryWriteBytes(crafted.AsSpan((int)length), value);
        File.WriteAllBytes(weights, crafted);
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile), System.Text.Json.JsonSerializer.Serialize(
            info with { WeightsSha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(crafted)) }, CheckpointStore.Json));

        var error = Assert.Throws<InvalidDataException>(() => TrainingSession.Resume(folder, TestSetup.Train, TestSetup.Test.Take(500), CPU));
        Assert.StartsWith($"{weights} is not a valid weights file: ", error.Message);
        Assert.Contains(claim, error.Message);
        Assert.DoesNotContain('\n', error.Message);

        // A count read first: `Position += reader.ReadInt32()` would take Position before the read moved it.
        static void Skip(BinaryReader reader, long bytes) => reader.BaseStream.Position += bytes;

        static byte[] Splice(byte[] bytes, (long Start, long End) at, int value)
        {
            var field = new MemoryStream();
            new BinaryWriter(field).Write7BitEncodedInt64(value);
            return [.. bytes[..(int)at.Start], .. field.ToArray(), .. bytes[(int)at.End..]];
        }
    }

    [Theory]
    [InlineData("weightsFile", "null", "weightsFile is null; it must name the weights file beside checkpoint.json")]
    [InlineData("weightsFile", "\"../elsewhere.bin\"", "weightsFile is \"../elsewhere.bin\"; it must name the weights file beside checkpoint.json")]
    [InlineData("weightsSha256", "\"abc\"", "weightsSha256 is \"abc\"; it must be the weights file's SHA-256 in hex (64 digits)")]
    [InlineData("format", "3", "format is 3; this build reads formats 1 to 2")]
    [InlineData("model", "null", "model is null; it must describe the model's shape")]
    [InlineData("model.kind", "7", "model.kind is 7; it must be lvae or vae")]
    [InlineData("model.latentSizes", "null", "model.latentSizes is null; a model needs at least one stochastic layer")]
    [InlineData("model.hiddenSizes", "[64]", "model.hiddenSizes is 64; give one hidden width per stochastic layer, 2 for model.latentSizes 8,4")]
    [InlineData("model.latentSizes", "[8, 0]", "model.latentSizes is 8,0; latent sizes must all be positive")]
    [InlineData("training", "null", "training is null; it must hold the training options")]
    [InlineData("training.batchSize", "1", "training.batchSize is 1; it must be at least 2 for batch norm")]
    [InlineData("training.learningRate", "0", "training.learningRate is 0; it must be a positive number up to 3.4E+37 (Adam's first step, ten times the rate, must fit in float32)")]
    [InlineData("training.gradientClip", "-4", "training.gradientClip is -4; it must be a positive finite number")]
    [InlineData("training.freeBits", "-1", "training.freeBits is -1; it must be 0 (off) or a positive number of nats up to 3.4E+38 (the KL is float32)")]
    [InlineData("training.freeBits", "1e39", "training.freeBits is 1E+39; it must be 0 (off) or a positive number of nats up to 3.4E+38 (the KL is float32)")]
    [InlineData("training.learningRateSchedule", "7", "training.learningRateSchedule is 7; it must be constant, exponential or cosine")]
    [InlineData("training.learningRateFloor", "1.5", "training.learningRateFloor is 1.5; it must be a fraction of the learning rate, 0 to 1")]
    [InlineData("training.scheduleStartEpoch", "3", "training.scheduleStartEpoch is 3; it must be 0 or more and below training.epochs (3)")]
    [InlineData("progress.epoch", "-5", "progress.epoch is -5; it must be 0 or more")]
    [InlineData("progress.stepInEpoch", "-1", "progress.stepInEpoch is -1; it must be 0 or more")]
    [InlineData("progress.learningRate", "-0.001", "progress.learningRate is -0.001; it must be a positive number up to 3.4E+37")]
    [InlineData("progress.skippedSteps", "3", "progress.skippedSteps is 3; it must be 0 to progress.globalStep (0)")]
    [InlineData("progress.trainingSeconds", "-1", "progress.trainingSeconds is -1; it must be 0 or more")]
    public void FieldsOutOfRangeAreRefusedNamingTheField(string field, string json, string expected)
    {
        using (Start(_runFolder)) { }
        var index = Path.Combine(_runFolder, CheckpointStore.IndexFile);
        var root = JsonNode.Parse(File.ReadAllText(index))!;
        var path = field.Split('.');
        var parent = path[..^1].Aggregate(root, (node, name) => node[name]!);
        parent[path[^1]] = JsonNode.Parse(json);
        File.WriteAllText(index, root.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => CheckpointStore.ReadInfo(_runFolder));
        Assert.Equal($"{index}: {expected}", error.Message);
    }

    [Fact]
    public void StepBeyondTheEpochIsRefusedOnResume()
    {
        using (Start(_runFolder)) { }
        var (info, folder) = CheckpointStore.ReadInfo(_runFolder);
        File.WriteAllText(Path.Combine(folder, CheckpointStore.IndexFile),
            System.Text.Json.JsonSerializer.Serialize(info with { Progress = info.Progress with { StepInEpoch = 8 } }, CheckpointStore.Json));
        var error = Assert.Throws<InvalidDataException>(() => TrainingSession.Resume(folder, TestSetup.Train, TestSetup.Test.Take(500), CPU));
        Assert.EndsWith("checkpoint.json: progress.stepInEpoch is 8; it must be below 8, the steps in one epoch of this run", error.Message);
    }

    [Fact]
    public void StartingOverAnExistingRunIsRefused()
    {
        using (var session = Start(_runFolder)) { }
        var error = Assert.Throws<IOException>(() => Start(_runFolder));
        Assert.Contains("--resume", error.Message);
    }

    [Fact]
    public void StateNamesAreThoseThatEarlierCheckpointsHold()
    {
        // TorchSharp names a module's state after its fields; the fields' [ComponentName] keeps these names whatever
        // the fields are called in code, so checkpoints saved before a rename still load.
        using var lvae = new LadderVae(Small with { SeparateTopDown = true }, weights: null);
        using var vae = new HierarchicalVae(Small, weights: null);
        var names = lvae.state_dict().Keys.Concat(vae.state_dict().Keys).ToHashSet();
        foreach (var expected in new[]
        {
            "bottomUp.0.first.dense.weight", "bottomUp.0.first.norm.running_mean", "bottomUp.1.second.norm.num_batches_tracked",
            "bottomUpHeads.1.mean.bias", "bottomUpHeads.0.varianceNorm.running_var", "topDown.0.first.dense.weight",
            "topDownHeads.0.meanNorm.weight", "generative.priorStacks.0.second.dense.bias", "generative.priorHeads.0.variance.weight",
            "generative.observationStack.first.norm.bias", "generative.observationMean.weight", "encoders.0.first.dense.weight",
            "encoderHeads.1.mean.weight",
        })
            Assert.Contains(expected, names);
        Assert.DoesNotContain(names, name => name.Split('.').Any(part => part.StartsWith('_')));
    }

    public void Dispose()
    {
        if (Directory.Exists(_runFolder)) Directory.Delete(_runFolder, recursive: true);
    }
}
