using System.IO.Compression;
using LvaeLive.Model.Data;

namespace LvaeLive.Model.Tests;

public sealed class IdxFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lvae-idx-").FullName;

    [Fact]
    public void ReadsTheRealMnistFiles()
    {
        var train = TestSetup.Train;
        var test = TestSetup.Test;
        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        // MNIST's first training digit is a 5 and its first test digit a 7.
        Assert.Equal(5, train.Labels[0]);
        Assert.Equal(7, test.Labels[0]);
        Assert.All(train.GreyLevels.Take(784 * 10), v => Assert.InRange(v, 0f, 1f));
        Assert.Contains(train.GreyLevels.Take(784), v => v == 1f);
    }

    [Fact]
    public void ReadsGzippedFilesLikePlainOnes()
    {
        var plain = Path.Combine(TestSetup.MnistFolder, "t10k-labels-idx1-ubyte");
        var gzipped = Path.Combine(_folder, "t10k-labels-idx1-ubyte.gz");
        using (var output = File.Create(gzipped))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            gzip.Write(File.ReadAllBytes(plain));
        Assert.Equal(IdxFile.Read(plain, IdxFile.LabelDimensions).Values, IdxFile.Read(gzipped, IdxFile.LabelDimensions).Values);
    }

    [Fact]
    public void TruncatedFileIsReported()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestSetup.MnistFolder, "t10k-labels-idx1-ubyte"));
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(bytes.AsSpan(0, 5000), "labels", IdxFile.LabelDimensions));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => IdxFile.Parse(bytes.AsSpan(0, 6), "labels", IdxFile.LabelDimensions)).Message);
    }

    [Fact]
    public void WrongMagicIsReported()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Parse("PK\u0003\u0004 not idx"u8, "archive.zip", IdxFile.ImageDimensions));
        Assert.Contains("not an IDX file", error.Message);
        Assert.Contains("type 0x0D", Assert.Throws<InvalidDataException>(() => IdxFile.Parse([0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], "floats", IdxFile.LabelDimensions)).Message);
    }

    [Fact]
    public void SwappedFilesAreReportedAsTheWrongKind()
    {
        var labels = Path.Combine(TestSetup.MnistFolder, "t10k-labels-idx1-ubyte");
        var images = Path.Combine(TestSetup.MnistFolder, "t10k-images-idx3-ubyte");
        var imagesHere = Path.Combine(_folder, "t10k-images-idx3-ubyte");
        var labelsHere = Path.Combine(_folder, "t10k-labels-idx1-ubyte");

        File.Copy(labels, imagesHere);
        File.Copy(labels, labelsHere);
        var labelsAsImages = Assert.Throws<InvalidDataException>(() => MnistDataset.LoadTest(_folder));
        Assert.Equal($"{imagesHere} has the wrong magic for this file (0x00000801: labels file given where images expected)", labelsAsImages.Message);

        File.Copy(images, imagesHere, overwrite: true);
        File.Copy(images, labelsHere, overwrite: true);
        var imagesAsLabels = Assert.Throws<InvalidDataException>(() => MnistDataset.LoadTest(_folder));
        Assert.Equal($"{labelsHere} has the wrong magic for this file (0x00000803: images file given where labels expected)", imagesAsLabels.Message);
    }

    [Fact]
    public void TrailingBytesAreReported()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Parse([0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3], "long", IdxFile.LabelDimensions));
        Assert.Contains("longer", error.Message);
    }

    [Fact]
    public void CorruptGzipIsReported()
    {
        var path = Path.Combine(_folder, "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, IdxFile.ImageDimensions));
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void MissingFileNamesTheFetchCommand()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MnistDataset.Load(_folder));
        Assert.Contains(MnistDataset.FetchCommand, error.Message);
    }

    [Fact]
    public void ImagesOfTheWrongShapeAreReported()
    {
        File.WriteAllBytes(Path.Combine(_folder, "t10k-images-idx3-ubyte"), [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4]);
        File.WriteAllBytes(Path.Combine(_folder, "t10k-labels-idx1-ubyte"), [0, 0, 8, 1, 0, 0, 0, 1, 3]);
        var error = Assert.Throws<InvalidDataException>(() => MnistDataset.LoadTest(_folder));
        Assert.Contains("[1, 2, 2]", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
