namespace LvaeLive.Model.Animation;

/// <summary>
/// Standard-normal numbers addressed by a key (seed, layer, tile, key point, unit) rather than drawn in sequence, so
/// that an animation frame depends only on its time and never on how many frames came before it.
/// </summary>
public static class StableNoise
{
    /// <summary>A standard-normal value for the given address (Box-Muller on two hashed uniforms).</summary>
    public static float Gaussian(long seed, int layer, int tile, long keyPoint, int unit)
    {
        var h = Mix((ulong)seed ^ Mix(((ulong)(uint)layer << 40) ^ ((ulong)(uint)tile << 20) ^ (ulong)(uint)unit) ^ Mix((ulong)keyPoint * 0x9E3779B97F4A7C15));
        var u1 = ((h >> 11) + 1) * (1.0 / 9007199254740993.0); // (0, 1]
        var u2 = (Mix(h) >> 11) * (1.0 / 9007199254740992.0);  // [0, 1)
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    // SplitMix64's finaliser: a fast bijective mix of 64 bits.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
