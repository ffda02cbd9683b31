namespace LvaeLive.Shaders.Canvas;

/// <summary>Small text built into caller-provided spans, so that labels cost no allocation per frame.</summary>
internal static class SpanText
{
    /// <summary>"<paramref name="value"/><paramref name="suffix"/>" into <paramref name="buffer"/>; returns the written part.</summary>
    public static ReadOnlySpan<char> Number(Span<char> buffer, float value, ReadOnlySpan<char> format, ReadOnlySpan<char> suffix = default)
    {
        if (!value.TryFormat(buffer, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
            written = 0;
        var length = Math.Min(suffix.Length, buffer.Length - written);
        suffix[..length].CopyTo(buffer[written..]);
        return buffer[..(written + length)];
    }

    /// <summary>A tick label with as many decimals as the tick step needs (at most 3), or exponent form for large values.</summary>
    public static ReadOnlySpan<char> Tick(Span<char> buffer, float value, float step)
    {
        if (MathF.Abs(value) >= 1e5f)
            return Number(buffer, value, "0.##e0");
        var decimals = Math.Clamp((int)MathF.Ceiling(-MathF.Log10(step) - 1e-4f), 0, 3);
        ReadOnlySpan<char> format = decimals switch { 0 => "0", 1 => "0.0", 2 => "0.00", _ => "0.000" };
        // Rounding noise (-0.0000001) must not print as "-0".
        return Number(buffer, MathF.Abs(value) < step * 1e-3f ? 0 : value, format);
    }
}
