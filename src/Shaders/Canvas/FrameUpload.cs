using System.Runtime.InteropServices;
using LvaeLive.Render.Memory;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// Appends one frame's data to a persistently mapped upload buffer as 32-bit words and hands back word offsets for the
/// shaders. Reset at the start of each frame; nothing is allocated.
/// </summary>
internal sealed class FrameUpload
{
    private readonly GpuBuffer? _buffer;
    private readonly uint[] _memory = [];
    private int _used;

    public FrameUpload(GpuBuffer buffer) => _buffer = buffer;

    /// <summary>An upload into plain memory: a frame composed without a device, to see where things go.</summary>
    public FrameUpload(int words) => _memory = new uint[words];

    private Span<uint> Words => _buffer is null ? _memory : MemoryMarshal.Cast<byte, uint>(_buffer.Mapped);

    public void Reset() => _used = 0;

    /// <summary>The offset the next reserved word will have.</summary>
    public uint Position => (uint)_used;

    /// <summary>Reserves <paramref name="count"/> words and returns their offset; fill them through <see cref="WordsAt"/>.</summary>
    public uint Reserve(int count)
    {
        var capacity = Words.Length;
        if (_used + count > capacity)
            throw new ArgumentException($"the frame needs more than the {capacity * 4L} bytes of its upload buffer");
        var offset = _used;
        _used += count;
        return (uint)offset;
    }

    /// <summary>Words already reserved, for filling a region a little at a time.</summary>
    public Span<uint> WordsAt(uint offset, int count) =>
        offset + count <= _used ? Words.Slice((int)offset, count) : throw new InvalidOperationException("those words were not reserved");

    public uint Floats(ReadOnlySpan<float> values)
    {
        var offset = Reserve(values.Length);
        MemoryMarshal.Cast<float, uint>(values).CopyTo(WordsAt(offset, values.Length));
        return offset;
    }

    public uint Words32(ReadOnlySpan<uint> values)
    {
        var offset = Reserve(values.Length);
        values.CopyTo(WordsAt(offset, values.Length));
        return offset;
    }
}
