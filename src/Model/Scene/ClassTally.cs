namespace LvaeLive.Model.Scene;

/// <summary>What a classifier saw over a stretch of frames: how often each class, and the one seen most.</summary>
public sealed class ClassTally
{
    private readonly int[] _counts = new int[10];

    public int Frames { get; private set; }

    public void Add(int digitClass)
    {
        _counts[digitClass]++;
        Frames++;
    }

    /// <summary>The share of frames in which <paramref name="digitClass"/> was seen (0 without frames).</summary>
    public double Share(int digitClass) => Frames == 0 ? 0 : _counts[digitClass] / (double)Frames;

    /// <summary>The class seen most.</summary>
    public int Most => Array.IndexOf(_counts, _counts.Max());

    /// <summary>"3 in 96 %, 5 in 4 %": every class seen, most first.</summary>
    public string Describe() => string.Join(", ", Enumerable.Range(0, 10).Where(c => _counts[c] > 0).OrderByDescending(c => _counts[c])
        .Select(c => FormattableString.Invariant($"{c} in {Share(c):P0}")));
}
