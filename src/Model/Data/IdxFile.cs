using System.Buffers.Binary;
using System.IO.Compression;

namespace LvaeLive.Model.Data;

/// <summary>
/// The IDX format of the MNIST files: a big-endian magic number (two zero bytes, a type code, the number of
/// dimensions), one big-endian int32 per dimension, then the values. Only unsigned bytes (type 0x08) occur in MNIST.
/// Files may be gzip-compressed (".gz"). The number of dimensions tells MNIST's images (3) from its labels (1).
/// </summary>
public sealed class IdxFile
{
    private const byte UnsignedByteType = 0x08;
    private const int MaxDimensions = 4;
    public const int ImageDimensions = 3;
    public const int LabelDimensions = 1;

    private IdxFile(string path, int[] shape, byte[] values)
    {
        Path = path;
        Shape = shape;
        Values = values;
    }

    public string Path { get; }
    public int[] Shape { get; }
    public byte[] Values { get; }

    /// <summary>Reads an IDX file of unsigned bytes with <paramref name="dimensions"/> dimensions and checks that its header and length agree.</summary>
    /// <exception cref="InvalidDataException">The file is not IDX, is of another type or kind, or is truncated or too long.</exception>
    public static IdxFile Read(string path, int dimensions) =>
        Parse(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(path) : File.ReadAllBytes(path), path, dimensions);

    public static IdxFile Parse(ReadOnlySpan<byte> bytes, string path, int dimensions)
    {
        if (bytes.Length < 4)
            throw new InvalidDataException($"{path} is too short to be an IDX file (no 4-byte header)");
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[3] is 0 or > MaxDimensions)
            throw new InvalidDataException($"{path} is not an IDX file (magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(bytes):X8})");
        if (bytes[2] != UnsignedByteType)
            throw new InvalidDataException($"{path} holds IDX type 0x{bytes[2]:X2}; only unsigned bytes (0x08) are supported");
        // Checked before the sizes: read with the wrong number of dimensions, the values pass for sizes, and the
        // length check would blame the file's length for what is a swapped file.
        if (bytes[3] != dimensions)
            throw new InvalidDataException($"{path} has the wrong magic for this file (0x{BinaryPrimitives.ReadUInt32BigEndian(bytes):X8}: {Kind(bytes[3])} file given where {Kind(dimensions)} expected)");

        var shape = new int[bytes[3]];
        var headerLength = 4 + 4 * shape.Length;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{path} is truncated inside its header");
        long count = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + 4 * i)..]);
            if (shape[i] <= 0)
                throw new InvalidDataException($"{path} declares a non-positive dimension ({shape[i]})");
            count *= shape[i];
        }

        var body = bytes[headerLength..];
        if (body.Length < count)
            throw new InvalidDataException($"{path} is truncated: its header declares {count} values but it holds {body.Length}");
        if (body.Length > count)
            throw new InvalidDataException($"{path} is longer than its header declares ({count} values, {body.Length} present)");
        return new IdxFile(path, shape, body.ToArray());
    }

    private static string Kind(int dimensions) => dimensions switch
    {
        ImageDimensions => "images",
        LabelDimensions => "labels",
        _ => $"{dimensions}-dimensional",
    };

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        try
        {
            gzip.CopyTo(plain);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path} is not a valid gzip file ({e.Message}); fetch it again with {MnistDataset.FetchCommand}", e);
        }
        return plain.ToArray();
    }
}
