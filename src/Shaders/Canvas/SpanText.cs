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

    /// <summary>"<paramref name="first"/><paramref name="second"/>" into <paramref name="buffer"/>, cut at its length; returns the written part.</summary>
    public static ReadOnlySpan<char> Join(Span<char> buffer, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var (a, b) = (Math.Min(first.Length, buffer.Length), Math.Min(second.Length, buffer.Length - Math.Min(first.Length, buffer.Length)));
        first[..a].CopyTo(buffer);
        second[..b].CopyTo(buffer[a..]);
        return buffer[..(a + b)];
    }

    /// <summary>
    /// A tick label with as many decimals as the tick step needs (at most 3); thousands as "20k" when the step is a
    /// thousand or more (a plot's steps axis: narrow labels leave room for more of them); exponent form for huge values.
    /// </summary>
    public static ReadOnlySpan<char> Tick(Span<char> buffer, float value, float step)
    {
        // Zero is "0", whatever the step; and rounding noise (-0.0000001) must not print as "-0".
        if (MathF.Abs(value) < step * 1e-3f)
            return Number(buffer, 0, "0");
        if (MathF.Abs(value) >= 1e8f)
            return Number(buffer, value, "0.##e0");
        if (step >= 1000)
            return Number(buffer, MathF.Round(value / 1000), "0", "k");
        var decimals = Math.Clamp((int)MathF.Ceiling(-MathF.Log10(step) - 1e-4f), 0, 3);
        ReadOnlySpan<char> format = decimals switch { 0 => "0", 1 => "0.0", 2 => "0.00", _ => "0.000" };
        return Number(buffer, value, format);
    }
}
