using System.Buffers.Binary;
using System.Text.Json;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// A model's state dict as a safetensors file (Hugging Face's format: an 8-byte little-endian header length, a JSON
/// header naming each tensor's dtype, shape and byte range, then the raw little-endian data), the weights that
/// LvaeLive and its PyTorch package (python/) exchange. TorchSharp.PyBridge reads and writes the tensors; before it
/// reads anything, <see cref="Check"/> holds the file against the model that checkpoint.json's shape block builds, so
/// that a file of another shape, a lying header or a file too large is refused in one line naming the tensor, without
/// being read into memory.
/// </summary>
public static class SafetensorsFile
{
    public const string Extension = ".safetensors";
    private const int LengthBytes = sizeof(ulong);
    /// <summary>A header entry is under a hundred bytes beside its name; this bounds what a crafted length makes us read.</summary>
    private const int HeaderBytesPerTensor = 256;

    /// <summary>The module's state dict, in PyBridge's layout (tensors in state-dict order, no metadata).</summary>
    public static void Write(Stream stream, nn.Module module)
    {
        // PyBridge closes the stream it writes; the atomic writer flushes its own afterwards.
        using var buffer = new MemoryStream();
        module.save_safetensors(buffer);
        stream.Write(buffer.ToArray());
    }

    /// <summary>Checks the file against the module (<see cref="Check"/>), then loads every tensor into it.</summary>
    public static void Read(string path, nn.Module module)
    {
        Check(path, module);
        using var _ = no_grad();
        module.load_safetensors(path, strict: true);
    }

    /// <summary>
    /// Refuses, with an <see cref="InvalidDataException"/> of one line, a file whose header lacks a tensor of the module,
    /// has one more, gives one another dtype or shape, or places one anywhere but back to back over the data that follows
    /// it, or whose size differs from what the header and the module's tensors take. Only the header is read (its length
    /// bounded by the module's tensor count): a file of any size is refused without its data entering memory.
    /// </summary>
    public static void Check(string path, nn.Module module)
    {
        var expected = Expected(module);
        var dataBytes = expected.Values.Sum(e => e.Bytes);
        using var stream = File.OpenRead(path);
        var length = stream.Length;
        if (length < LengthBytes)
            throw Bad(path, $"it is {length} bytes long, shorter than a safetensors header's length field");
        Span<byte> lengthField = stackalloc byte[LengthBytes];
        stream.ReadExactly(lengthField);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthField);
        var maxHeader = (ulong)(expected.Count * HeaderBytesPerTensor + expected.Keys.Sum(name => name.Length));
        if (headerLength > maxHeader || (long)headerLength > length - LengthBytes)
            throw Bad(path, $"its header claims {headerLength} bytes; a header for this model's {expected.Count} tensors takes at most {maxHeader}, and {length - LengthBytes} bytes follow");
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        Dictionary<string, JsonElement>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(header);
        }
        catch (JsonException e)
        {
            throw Bad(path, $"its header is not valid JSON ({e.Message})");
        }
        if (entries is null) throw Bad(path, "its header is JSON null");
        entries.Remove("__metadata__");

        var found = new List<(string Name, long Start, long End)>();
        foreach (var (name, entry) in entries)
        {
            if (!expected.TryGetValue(name, out var want))
                throw Bad(path, $"it has {name} {Describe(entry)}, which the model of {CheckpointStore.IndexFile} lacks");
            var (dtype, shape, start, end) = Parse(path, name, entry);
            if (dtype != want.Dtype || !shape.SequenceEqual(want.Shape))
                throw Bad(path, $"{name} is {dtype} {Show(shape)} there but {want.Dtype} {Show(want.Shape)} in the model of {CheckpointStore.IndexFile}");
            if (end - start != want.Bytes)
                throw Bad(path, $"{name} {dtype} {Show(shape)} takes {want.Bytes} bytes but its header gives it bytes {start} to {end}");
            found.Add((name, start, end));
        }
        var missing = expected.Keys.FirstOrDefault(name => !entries.ContainsKey(name));
        if (missing is not null)
            throw Bad(path, $"it lacks {missing} {expected[missing].Dtype} {Show(expected[missing].Shape)}, which the model of {CheckpointStore.IndexFile} has");

        // The data must be covered once, in order: an overlap would load one tensor's bytes into two.
        long next = 0;
        foreach (var (name, start, end) in found.OrderBy(f => f.Start))
        {
            if (start != next)
                throw Bad(path, $"{name} starts at byte {start} of the data, where byte {next} was due (the header's offsets overlap or leave a gap)");
            next = end;
        }
        // Last, so that a header of another shape is named tensor by tensor; the data itself is never read here.
        var implied = LengthBytes + (long)headerLength + dataBytes;
        if (length != implied)
            throw Bad(path, $"it is {length} bytes, but the model of {CheckpointStore.IndexFile} implies {implied} ({dataBytes} of tensor data after its {headerLength}-byte header)");
    }

    private static (string Dtype, long[] Shape, long Start, long End) Parse(string path, string name, JsonElement entry)
    {
        try
        {
            var dtype = entry.GetProperty("dtype").GetString() ?? throw new InvalidOperationException("null dtype");
            var shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets is not [var start, var end] || start < 0 || end < start)
                throw Bad(path, $"{name} has data_offsets {Show(offsets)}; they must be two byte positions, start <= end");
            return (dtype, shape, start, end);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Bad(path, $"{name}'s header entry {entry.GetRawText()} needs dtype, shape and data_offsets ({e.Message})");
        }
    }

    private static string Describe(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("shape", out var shape) ? shape.GetRawText() : entry.GetRawText();

    /// <summary>Each state-dict tensor's safetensors dtype, shape and size in bytes.</summary>
    private static Dictionary<string, (string Dtype, long[] Shape, long Bytes)> Expected(nn.Module module) =>
        module.state_dict().ToDictionary(entry => entry.Key, entry => (DtypeName(entry.Value.dtype), entry.Value.shape, entry.Value.numel() * entry.Value.ElementSize));

    private static string DtypeName(ScalarType type) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Int64 => "I64",
        _ => throw new NotSupportedException($"the models hold only F32 and I64 tensors, not {type}"),
    };

    private static InvalidDataException Bad(string path, string why) => new($"{path} does not fit the model: {why}");

    private static string Show(long[] shape) => $"[{string.Join(", ", shape)}]";
}
