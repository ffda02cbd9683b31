using System.Security.Cryptography;
using LvaeLive.Files;
using LvaeLive.Model.Checkpoints;
using static TorchSharp.torch;

namespace LvaeLive.Model.Classifier;

/// <summary>
/// classifier.bin: a header, the classifier's <see cref="DigitClassifier.Version"/>, the fingerprint of the data it was
/// trained on, its weights (<see cref="StateDictFile"/>), and last the SHA-256 of everything before it, so that a
/// truncated or altered file is recognised as such before any of it is believed.
/// </summary>
internal static class ClassifierFile
{
    private const string Magic = "LVAELIVE-DIGITS";
    // As in CheckpointStore: what BinaryWriter.Write(Magic) puts first, compared as raw bytes.
    private static readonly byte[] Header = [(byte)Magic.Length, .. System.Text.Encoding.ASCII.GetBytes(Magic)];
    private const int ChecksumLength = SHA256.HashSizeInBytes;

    /// <summary>Writes the file atomically: a reader finds the previous file whole, or this one.</summary>
    public static void Write(string path, DigitClassifier classifier, string dataFingerprint)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(DigitClassifier.Version);
            writer.Write(dataFingerprint);
            StateDictFile.Write(writer, classifier);
        }
        var checksum = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        AtomicFile.Write(path, stream =>
        {
            stream.Write(body.GetBuffer().AsSpan(0, (int)body.Length));
            stream.Write(checksum);
        });
    }

    /// <summary>
    /// The classifier in <paramref name="path"/> on <paramref name="device"/>, or why it cannot be used: the reason
    /// completes "PATH ...", e.g. "was made for other data".
    /// </summary>
    public static (DigitClassifier? Classifier, string? Unusable) Read(string path, string dataFingerprint, Device device)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Header.Length + ChecksumLength || !bytes.AsSpan(0, Header.Length).SequenceEqual(Header))
            return (null, "is corrupt (it does not start with the classifier header)");
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
            return (null, "is corrupt (its checksum does not match its contents)");
        using var reader = new BinaryReader(new MemoryStream(bytes, Header.Length, body.Length - Header.Length));
        try
        {
            var version = reader.ReadInt32();
            if (version != DigitClassifier.Version)
                return (null, $"was made for another classifier (version {version}; this build's is {DigitClassifier.Version})");
            if (reader.ReadString() != dataFingerprint)
                return (null, "was made for other data");
            var classifier = new DigitClassifier();
            try
            {
                StateDictFile.Read(reader, classifier, path);
            }
            catch
            {
                classifier.Dispose();
                throw;
            }
            classifier.eval();
            return (classifier.MoveTo(device), null);
        }
        // The checksum matched, so a file that does not parse was written wrong rather than damaged since: still unusable.
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            return (null, $"is corrupt ({e.Message})");
        }
    }
}
