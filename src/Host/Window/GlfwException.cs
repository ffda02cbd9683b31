namespace LvaeLive.Host.Window;

/// <summary>An error GLFW reported for a call, with its code's name and GLFW's own description.</summary>
internal sealed class GlfwException(string call, int code, string description)
    : InvalidOperationException($"{call} failed: {CodeName(code)} (0x{code:X}): {description}")
{
    public int Code { get; } = code;
    public string Description { get; } = description;

    public static string CodeName(int code) => code switch
    {
        0x10001 => "GLFW_NOT_INITIALIZED",
        0x10002 => "GLFW_NO_CURRENT_CONTEXT",
        0x10003 => "GLFW_INVALID_ENUM",
        0x10004 => "GLFW_INVALID_VALUE",
        0x10005 => "GLFW_OUT_OF_MEMORY",
        0x10006 => "GLFW_API_UNAVAILABLE",
        0x10007 => "GLFW_VERSION_UNAVAILABLE",
        0x10008 => "GLFW_PLATFORM_ERROR",
        0x10009 => "GLFW_FORMAT_UNAVAILABLE",
        0x1000A => "GLFW_NO_WINDOW_CONTEXT",
        _ => "GLFW error",
    };
}
