using LvaeLive.Files;

namespace LvaeLive.Model.Data;

/// <summary>Loads MNIST's four IDX files (plain or .gz) from one folder and checks that they fit together.</summary>
public static class MnistDataset
{
    public const string DefaultFolder = "data/mnist";
    public const string FetchCommand = "scripts/fetch-mnist.sh";

    /// <summary>data/mnist here or in the repository the program was built in (<see cref="RepositoryPath"/>).</summary>
    public static string LocateDefaultFolder() => RepositoryPath.Locate(DefaultFolder);

    public static (MnistSplit Train, MnistSplit Test) Load(string folder) =>
        (LoadTrain(folder), LoadTest(folder));

    public static MnistSplit LoadTest(string folder) => LoadSplit(folder, "t10k");

    public static MnistSplit LoadTrain(string folder) => LoadSplit(folder, "train");

    public static MnistSplit LoadSplit(string folder, string prefix)
    {
        var images = IdxFile.Read(Find(folder, $"{prefix}-images-idx3-ubyte"), IdxFile.ImageDimensions);
        var labels = IdxFile.Read(Find(folder, $"{prefix}-labels-idx1-ubyte"), IdxFile.LabelDimensions);
        if (images.Shape is not [var count, MnistSplit.ImageSide, MnistSplit.ImageSide])
            throw new InvalidDataException($"{images.Path} has shape [{string.Join(", ", images.Shape)}]; MNIST images are [N, 28, 28]");
        if (labels.Shape is not [var labelCount] || labelCount != count)
            throw new InvalidDataException($"{labels.Path} has shape [{string.Join(", ", labels.Shape)}] but {images.Path} holds {count} images");
        if (labels.Values.Any(label => label > 9))
            throw new InvalidDataException($"{labels.Path} holds labels outside 0-9");

        var grey = new float[images.Values.Length];
        for (var i = 0; i < grey.Length; i++) grey[i] = images.Values[i] / 255f;
        return new MnistSplit(grey, labels.Values);
    }

    private static string Find(string folder, string name)
    {
        foreach (var candidate in new[] { name, name + ".gz" })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"MNIST file {name} not found in {Path.GetFullPath(folder)}; run `{FetchCommand}` to fetch it, or pass --data DIR pointing at a folder with the four IDX files");
    }
}
