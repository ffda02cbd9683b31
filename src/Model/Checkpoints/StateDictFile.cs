using TorchSharp;
using static TorchSharp.torch;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// A module's state dict (parameters and batch-norm buffers) as named raw tensors. Loading checks every name and
/// shape against the module first, so a checkpoint of another shape fails with a message naming the mismatch
/// instead of half-loading.
/// </summary>
public static class StateDictFile
{
    public static void Write(BinaryWriter writer, nn.Module module)
    {
        var state = module.state_dict();
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            // The detached view and the CPU copy are temporaries too: the scope frees them, not the finalizer.
            using var scope = NewDisposeScope();
            var onCpu = tensor.detach().cpu().contiguous();
            writer.Write(name);
            writer.Write((int)onCpu.dtype);
            writer.Write(onCpu.shape.Length);
            foreach (var size in onCpu.shape) writer.Write(size);
            var bytes = onCpu.bytes;
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
    }

    /// <summary>Reads a state dict and copies it into the module, after checking that names and shapes all agree.</summary>
    public static void Read(BinaryReader reader, nn.Module module, string source)
    {
        var expected = module.state_dict();
        var count = Count(reader, source, "tensors", MinEntryBytes);
        var loaded = new Dictionary<string, (ScalarType Type, long[] Shape, byte[] Bytes)>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            var type = (ScalarType)reader.ReadInt32();
            var shape = new long[Count(reader, source, $"dimensions in {name}", sizeof(long))];
            for (var d = 0; d < shape.Length; d++) shape[d] = reader.ReadInt64();
            loaded[name] = (type, shape, reader.ReadBytes(Count(reader, source, $"bytes in {name}", 1)));
        }

        foreach (var (name, tensor) in expected)
        {
            if (!loaded.TryGetValue(name, out var entry))
                throw new InvalidDataException($"{source} does not match the model: it lacks {name} {Shape(tensor.shape)}");
            if (!entry.Shape.SequenceEqual(tensor.shape) || entry.Type != tensor.dtype)
                throw new InvalidDataException($"{source} does not match the model: {name} is {entry.Type} {Shape(entry.Shape)} there but {tensor.dtype} {Shape(tensor.shape)} here");
        }
        var extra = loaded.Keys.Except(expected.Keys).FirstOrDefault();
        if (extra is not null)
            throw new InvalidDataException($"{source} does not match the model: it has {extra}, which this model lacks");

        using var _ = no_grad();
        foreach (var (name, tensor) in expected)
        {
            var entry = loaded[name];
            using var source_ = torch.empty(entry.Shape, entry.Type);
            source_.bytes = entry.Bytes;
            tensor.copy_(source_);
        }
    }

    /// <summary>The smallest entry: a one-byte name length, then the type, the rank and the byte count (four bytes each).</summary>
    private const int MinEntryBytes = 1 + 3 * sizeof(int);

    /// <summary>
    /// A count read from the file, refused when it is negative or more items of <paramref name="itemBytes"/> than the rest
    /// of the file holds: a crafted count would otherwise be allocated before the read that finds the file too short.
    /// </summary>
    private static int Count(BinaryReader reader, string source, string what, int itemBytes)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && count <= left / itemBytes
            ? count
            : throw new InvalidDataException($"{source} is not a valid weights file: it claims {count} {what}, but {left} bytes follow");
    }

    private static string Shape(long[] shape) => $"[{string.Join(", ", shape)}]";
}
