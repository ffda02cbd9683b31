namespace LvaeLive.Host.Window;

/// <summary>
/// Owns GLFW's process-wide initialisation: the first window initialises it, the last one to close terminates it.
/// glfwTerminate destroys every window, so nothing else may call it.
/// </summary>
internal static class GlfwRuntime
{
    private static readonly Lock Gate = new();
    private static int _users;

    public static void Acquire()
    {
        lock (Gate)
        {
            if (_users == 0)
                Glfw.Init();
            _users++;
        }
    }

    public static void Release()
    {
        lock (Gate)
        {
            if (_users == 0)
                throw new InvalidOperationException("GLFW released more often than acquired");
            if (--_users == 0)
                Glfw.Terminate();
        }
    }
}
