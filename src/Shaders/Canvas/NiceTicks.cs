namespace LvaeLive.Shaders.Canvas;

/// <summary>Axis ticks at 1, 2 or 5 times a power of ten, covering a data range with about the requested count.</summary>
public readonly record struct NiceTicks(float Min, float Max, float First, float Step)
{
    public static NiceTicks For(float low, float high, int approximateCount)
    {
        if (!float.IsFinite(low) || !float.IsFinite(high))
            (low, high) = (0, 1);
        if (high - low < 1e-6f * MathF.Max(MathF.Abs(high), 1))
            (low, high) = (low - 0.5f, high + 0.5f);
        var rough = (high - low) / Math.Max(approximateCount, 1);
        var power = MathF.Pow(10, MathF.Floor(MathF.Log10(rough)));
        var fraction = rough / power;
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        var min = MathF.Floor(low / step) * step;
        var max = MathF.Ceiling(high / step) * step;
        return new NiceTicks(min, max, min, step);
    }

    public int Count => (int)MathF.Round((Max - First) / Step) + 1;

    public float At(int index) => First + index * Step;
}
