using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>GLFWvidmode, laid out as glfw3.h declares it: a monitor's current resolution and refresh rate.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct VideoMode
{
    public readonly int Width;
    public readonly int Height;
    public readonly int RedBits;
    public readonly int GreenBits;
    public readonly int BlueBits;
    public readonly int RefreshRate;
}
