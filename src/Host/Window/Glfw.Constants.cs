namespace LvaeLive.Host.Window;

/// <summary>The GLFW 3.3 constants we use (glfw3.h).</summary>
internal static partial class Glfw
{
    public const int True = 1;
    public const int False = 0;

    // Window hints.
    public const int Resizable = 0x00020003;
    public const int AutoIconify = 0x00020006;
    public const int ClientApi = 0x00022001;
    public const int NoApi = 0;

    /// <summary>glfwCreateWindowSurface returns a VkResult; 0 is VK_SUCCESS.</summary>
    public const int VkSuccess = 0;
}
