using System.Runtime.InteropServices;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// What a cached layer of the canvas is drawn from, as bytes: its passes' push constants and the upload words they
/// read. A layer is restored only while the frame's key equals the one it was captured with, so a change of data, place
/// or size redraws it; comparing the bytes themselves, rather than a hash, cannot take a changed frame for the old one.
/// Reused from frame to frame: its buffers grow to the largest key and stay.
/// </summary>
internal sealed class LayerKey
{
    private byte[] _bytes = new byte[1 << 16];
    private byte[] _captured = new byte[1 << 16];
    private int _length;
    private int _capturedLength = -1;

    public void Begin() => _length = 0;

    public void Add<T>(in T value) where T : unmanaged => AddBytes(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public void Add<T>(ReadOnlySpan<T> values) where T : unmanaged => AddBytes(MemoryMarshal.AsBytes(values));

    /// <summary>Another layer's key as part of this one: a layer drawn over another changes when the one below does.</summary>
    public void Add(LayerKey below) => AddBytes(below._bytes.AsSpan(0, below._length));

    /// <summary>Whether the layer's capture was drawn from what this frame's key holds.</summary>
    public bool MatchesCapture => _capturedLength == _length && _bytes.AsSpan(0, _length).SequenceEqual(_captured.AsSpan(0, _length));

    /// <summary>Notes that the layer was captured from this frame's key.</summary>
    public void Captured()
    {
        if (_captured.Length < _length)
            _captured = new byte[_bytes.Length];
        _bytes.AsSpan(0, _length).CopyTo(_captured);
        _capturedLength = _length;
    }

    private void AddBytes(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(2 * _bytes.Length, _length + bytes.Length));
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }
}
