using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Targets;
using LvaeLive.Render.Vulkan;
using LvaeLive.Shaders.Pipelines;
using Silk.NET.Vulkan;

namespace LvaeLive.Shaders.Canvas;

/// <summary>
/// The canvas background and every panel rectangle (panel backgrounds, plot areas, legend swatches). They change only
/// with the layout, so they are drawn once, kept in a <see cref="CachedLayer"/>, and copied into each later frame:
/// one copy instead of a clear and a full-canvas blend per frame.
/// </summary>
internal sealed unsafe class PanelChrome(GpuContext gpu, FrameRing frames, PanelPipeline panels) : IDisposable
{
    private readonly CachedLayer _layer = new(gpu, frames);
    private readonly List<PanelPush> _captured = new(64);
    private int _capturedBack;

    /// <summary>
    /// Records the chrome into the target: restored from the layer when these panels were captured at this size,
    /// otherwise drawn (background panels first, then the panels inside them) and captured. The canvas set is bound.
    /// </summary>
    public void Record(FrameSlot slot, IRenderTarget target, List<PanelPush> back, List<PanelPush> inner)
    {
        if (_layer.HoldsSize(target.Extent) && IsCaptured(back, inner))
        {
            _layer.RecordRestore(slot, target);
            return;
        }
        var vk = gpu.Vk;
        var cmd = slot.Commands;
        var background = Palette.Background;
        var clear = new ClearColorValue((background & 0xff) / 255f, (background >> 8 & 0xff) / 255f, (background >> 16 & 0xff) / 255f, 1f);
        var range = Init.ColorRange;
        vk.CmdClearColorImage(cmd, target.Image, ImageLayout.General, &clear, 1, &range);
        Barriers.ComputeThenCompute(vk, cmd);
        foreach (var panel in back)
            panels.Record(slot, panel);
        Barriers.ComputeThenCompute(vk, cmd);
        foreach (var panel in inner)
            panels.Record(slot, panel);
        _layer.RecordCapture(slot, target);
        _captured.Clear();
        _captured.AddRange(back);
        _captured.AddRange(inner);
        _capturedBack = back.Count;
    }

    private bool IsCaptured(List<PanelPush> back, List<PanelPush> inner) =>
        back.Count == _capturedBack && back.Count + inner.Count == _captured.Count
        && Bytes(back).SequenceEqual(Bytes(_captured)[..Bytes(back).Length])
        && Bytes(inner).SequenceEqual(Bytes(_captured)[Bytes(back).Length..]);

    private static ReadOnlySpan<byte> Bytes(List<PanelPush> panels) => MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(panels));

    public void Dispose() => _layer.Dispose();
}
