namespace LvaeLive.Model.Hierarchy;

/// <summary>Where one layer's noise comes from when a talk step or a recall sets a point of the hierarchy.</summary>
public abstract record PointSource
{
    /// <summary>The test digit with this index, entered top-down (its posterior means as noise).</summary>
    public sealed record TestDigit(int Index) : PointSource;

    /// <summary>A typical digit of the class: the test digit of it whose noise lies nearest the class's mean noise.</summary>
    public sealed record DigitClass(int Class) : PointSource;

    /// <summary>A point saved under this name.</summary>
    public sealed record Bookmarked(string Name) : PointSource;

    /// <summary>A draw from the prior, fixed by the seed.</summary>
    public sealed record Seeded(long Seed) : PointSource;
}
