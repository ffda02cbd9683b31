namespace LvaeLive.Host.Live;

/// <summary>
/// A training series kept at bounded size for the curves panel: values are appended one per logged step, and when the
/// buffer is full, neighbouring pairs are averaged, halving the resolution and doubling the steps each sample spans.
/// Long runs thus keep their whole history in constant memory.
/// </summary>
internal sealed class CurveHistory
{
    private readonly float[] samples;
    private float pendingSum;
    private int pendingCount;

    public CurveHistory(int capacity = 512)
    {
        if (capacity < 2 || capacity % 2 != 0) throw new ArgumentException("the capacity must be even and at least 2");
        samples = new float[capacity];
    }

    public int Count { get; private set; }

    /// <summary>How many appended values each sample averages.</summary>
    public int ValuesPerSample { get; private set; } = 1;

    public ReadOnlyMemory<float> Samples => samples.AsMemory(0, Count);

    public float? Last => Count == 0 ? null : samples[Count - 1];

    public void Add(float value)
    {
        pendingSum += value;
        if (++pendingCount < ValuesPerSample) return;
        if (Count == samples.Length) Halve();
        samples[Count++] = pendingSum / pendingCount;
        (pendingSum, pendingCount) = (0, 0);
    }

    private void Halve()
    {
        for (var i = 0; i < samples.Length / 2; i++) samples[i] = (samples[2 * i] + samples[2 * i + 1]) / 2;
        Count = samples.Length / 2;
        ValuesPerSample *= 2;
    }
}
