using System.Runtime.InteropServices;
using LvaeLive.Render.Frames;
using LvaeLive.Render.Gpu;
using LvaeLive.Render.Pipelines;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>Push constants of shaders/panel.comp.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PanelPush
{
    public Int2 Origin;
    public Int2 Size;
    public uint FillColour;
    public uint BorderColour;
    public float CornerRadius;
    public float BorderWidth;
}

/// <summary>Rounded, bordered, possibly translucent rectangles.</summary>
public sealed class PanelPipeline(GpuContext gpu, ComputeLayout layout) : CanvasPipeline<PanelPush>(gpu, layout, "panel")
{
    public void Record(FrameSlot slot, in PanelPush push) => DispatchOverPixels(slot, push, push.Size);
}
