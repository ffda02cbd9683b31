namespace LvaeLive.Model.Animation;

/// <summary>
/// The recent latents of one tile in one layer, oldest first, for the map's trail. It takes a point at most once per
/// <see cref="Spacing"/> of the loop's time, so that its length in time does not depend on the frame rate, and never
/// twice the same point in a row (a still latent leaves one point, not a pile of them).
/// </summary>
public sealed class LatentTrail
{
    public static readonly TimeSpan Spacing = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 30);

    private readonly float[][] _points;
    private int _next;
    private long _span = -1; // The Spacing-long span of the loop's time that took the latest point.

    public LatentTrail(int length, int largestSize)
    {
        _points = new float[length][];
        for (var i = 0; i < length; i++) _points[i] = new float[largestSize];
    }

    public int Count { get; private set; }

    /// <summary>Point <paramref name="index"/>, oldest first, as a latent of <paramref name="size"/> units.</summary>
    public ReadOnlySpan<float> Point(int index, int size) => _points[(_next - Count + index + _points.Length) % _points.Length].AsSpan(0, size);

    public void Clear() => Count = 0;

    /// <summary>Adds <paramref name="latent"/> at the loop's time <paramref name="now"/>, unless this span of time has a point or it has not moved.</summary>
    public void Add(TimeSpan now, ReadOnlySpan<float> latent)
    {
        var span = now.Ticks / Spacing.Ticks;
        if (span == _span) return;
        _span = span;
        if (Count > 0 && latent.SequenceEqual(Point(Count - 1, latent.Length))) return;
        latent.CopyTo(_points[_next]);
        _next = (_next + 1) % _points.Length;
        Count = Math.Min(Count + 1, _points.Length);
    }
}
