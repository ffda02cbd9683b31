namespace LvaeLive.Host.Window;

/// <summary>A window's drawable size in pixels; zero while the window is minimised, when no swapchain can exist.</summary>
internal readonly record struct FramebufferSize(int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public override string ToString() => $"{Width}x{Height}";
}
