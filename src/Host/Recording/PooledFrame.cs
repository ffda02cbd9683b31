using System.Buffers;

namespace LvaeLive.Host.Recording;

/// <summary>A queued frame: a copy of the caller's RGBA pixels in a buffer rented from the shared pool, returned once written.</summary>
internal readonly record struct PooledFrame(byte[] Buffer, int Width, int Height)
{
    public static PooledFrame CopyOf(ReadOnlySpan<byte> rgba, int width, int height)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(rgba.Length);
        rgba.CopyTo(buffer);
        return new PooledFrame(buffer, width, height);
    }

    public ReadOnlySpan<byte> Pixels => Buffer.AsSpan(0, Width * Height * 4);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
