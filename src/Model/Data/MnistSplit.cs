namespace LvaeLive.Model.Data;

/// <summary>One split of MNIST in memory: grey levels in [0, 1], one row of 784 per image, and the digit labels.</summary>
public sealed class MnistSplit
{
    public const int ImageSide = 28;
    public const int PixelsPerImage = ImageSide * ImageSide;

    public MnistSplit(float[] greyLevels, byte[] labels)
    {
        if (greyLevels.Length != labels.Length * PixelsPerImage)
            throw new ArgumentException($"{greyLevels.Length} grey levels do not make {labels.Length} images of {PixelsPerImage} pixels");
        GreyLevels = greyLevels;
        Labels = labels;
    }

    public float[] GreyLevels { get; }
    public byte[] Labels { get; }
    public int Count => Labels.Length;

    /// <summary>The first <paramref name="count"/> images (all of them when count is at least <see cref="Count"/>).</summary>
    public MnistSplit Take(int count)
    {
        if (count <= 0) throw new ArgumentException($"cannot take {count} images; give a positive number");
        if (count >= Count) return this;
        return new MnistSplit(GreyLevels.AsSpan(0, count * PixelsPerImage).ToArray(), Labels.AsSpan(0, count).ToArray());
    }
}
