namespace LvaeLive.Host.Panels;

/// <summary>
/// A training series kept at bounded size for the curves panel: values are appended one per logged step, and when the
/// buffer is full, neighbouring pairs are averaged, halving the resolution and doubling the steps each sample spans.
/// Long runs thus keep their whole history in constant memory.
/// </summary>
internal sealed class CurveHistory
{
    private readonly float[] _samples;
    private float _pendingSum;
    private int _pendingCount;

    public CurveHistory(int capacity = 512)
    {
        if (capacity < 2 || capacity % 2 != 0) throw new ArgumentException("the capacity must be even and at least 2");
        _samples = new float[capacity];
    }

    public int Count { get; private set; }

    /// <summary>How many appended values each sample averages.</summary>
    public int ValuesPerSample { get; private set; } = 1;

    public ReadOnlyMemory<float> Samples => _samples.AsMemory(0, Count);

    public float? Last => Count == 0 ? null : _samples[Count - 1];

    public void Add(float value)
    {
        _pendingSum += value;
        if (++_pendingCount < ValuesPerSample) return;
        if (Count == _samples.Length) Halve();
        _samples[Count++] = _pendingSum / _pendingCount;
        (_pendingSum, _pendingCount) = (0, 0);
    }

    private void Halve()
    {
        for (var i = 0; i < _samples.Length / 2; i++) _samples[i] = (_samples[2 * i] + _samples[2 * i + 1]) / 2;
        Count = _samples.Length / 2;
        ValuesPerSample *= 2;
    }
}
