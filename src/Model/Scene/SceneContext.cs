using LvaeLive.Model.Hierarchy;
using LvaeLive.Model.Inference;
using LvaeLive.Model.Live;

namespace LvaeLive.Model.Scene;

/// <summary>
/// What every composer reads and the scene keeps: the model, the test digits, the walk's noise this frame, the
/// selection, the map, and what the last frame decoded (each tile's z_i and prior scale sigma_p per layer).
/// </summary>
public sealed class SceneContext
{
    public const int GridColumns = StyleSwap.Columns;
    public const int GridTiles = StyleSwap.Tiles;
    private const int Pixels = LvaeConfig.ImagePixels;

    internal SceneContext(InferenceCopy model, float[] testDigits, byte[] testLabels, int firstSpareDigit)
    {
        Model = model;
        Sizes = model.Config.LatentSizes;
        TestDigits = testDigits;
        TestLabels = testLabels;
        FirstSpareDigit = firstSpareDigit;
        Walk = new NoiseGrid(Sizes, GridTiles);
        Points = new PointResolver(model, testDigits, testLabels);
        Move = new PointMove(Sizes);
        var largest = Math.Max(GridTiles, LayerExplorer.Tiles(Sizes.Length));
        Latents = Sizes.Select(size => new float[largest * size]).ToArray();
        // Until the first frame is decoded, a nudge moves the noise as far as the latent.
        Scales = Sizes.Select(size => Enumerable.Repeat(1f, largest * size).ToArray()).ToArray();
        Digits = new float[largest * Pixels];
    }

    public InferenceCopy Model { get; }
    public int[] Sizes { get; }
    public int Depth => Sizes.Length;
    public float[] TestDigits { get; }
    public byte[] TestLabels { get; }
    public int TestDigitCount => TestLabels.Length;
    /// <summary>The first test digit that interpolations and style swaps draw from (those before it are reconstructed).</summary>
    public int FirstSpareDigit { get; }

    /// <summary>The walk's noise this frame: every tile's path, with a held point's layers written over its tile.</summary>
    public NoiseGrid Walk { get; }

    /// <summary>Turns digits, classes, bookmarks and seeds into noise with the current weights.</summary>
    public PointResolver Points { get; }

    /// <summary>The point a tile is moved to and held at (a talk's point, a recall, the pointer's), if any.</summary>
    public PointMove Move { get; }

    public int SelectedTile { get; internal set; } = LatentScene.InitialTile;
    /// <summary>The steered layer, 0-based (key 1 selects layer 0 = z_1).</summary>
    public int SelectedLayer { get; internal set; } = LatentScene.InitialLayer;
    /// <summary>Counts entries into the modes of test digits and the explorer, so each entry shows new digits.</summary>
    public int ModeVariant { get; internal set; }
    public ExplorerColumns ExplorerColumns { get; internal set; } = LatentScene.InitialColumns;
    public LatentMap? Map { get; internal set; }
    /// <summary>Counts weight loads: what was encoded with older weights is encoded again.</summary>
    public int WeightsGeneration { get; internal set; }

    /// <summary>Per layer, every decoded tile's z_i (tiles x size), from the last frame.</summary>
    public float[][] Latents { get; }
    /// <summary>Per layer, every decoded tile's prior scale sigma_p (ones in the top layer), from the last frame.</summary>
    public float[][] Scales { get; }
    public float[] Digits { get; }

    /// <summary>One decoded tile's z_i in <paramref name="layer"/>.</summary>
    public Span<float> LatentOf(int layer, int tile) => Latents[layer].AsSpan(tile * Sizes[layer], Sizes[layer]);

    /// <summary>One decoded tile's sigma_p in <paramref name="layer"/>.</summary>
    public Span<float> ScaleOf(int layer, int tile) => Scales[layer].AsSpan(tile * Sizes[layer], Sizes[layer]);

    /// <summary>The first test digit of this entry into a mode: each entry takes the next block of digits after the reconstructed ones.</summary>
    public int VariantDigit(int block)
    {
        var spare = TestDigitCount - FirstSpareDigit - block;
        return FirstSpareDigit + ModeVariant * block % spare;
    }

    /// <summary>Test digits <paramref name="first"/> .. first + count - 1 entered top-down as noise into <paramref name="points"/>.</summary>
    public void EncodeTestDigits(int first, int count, NoiseGrid points) =>
        Model.EncodeToNoise(TestDigits.AsMemory(first * Pixels, count * Pixels), count, points);

    /// <summary>A test digit's name for the audience: its index and its label.</summary>
    public string DigitName(int index) => $"#{index}: a {TestLabels[index]}";
}
